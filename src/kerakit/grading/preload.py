"""Which heavy modules a process imports once before it forks the processes that grade."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable

PRELOAD_HINT = re.compile(r"keras|tensorflow|train_within_budget|assert_architecture|summarize_model|pretrained")


def modules_to_preload(sources: Iterable[str]) -> list[str]:
    """Return ["tensorflow", "keras"] when the graders' sources use them (and Keras is installed), else []."""
    if any(PRELOAD_HINT.search(text) for text in sources) and importlib.util.find_spec("keras") is not None:
        return ["tensorflow", "keras"]
    return []
