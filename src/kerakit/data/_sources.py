"""Checks the `source` argument and reaches `keras.datasets` only when asked to."""

from __future__ import annotations

import importlib
from types import ModuleType

OFFLINE = "offline"
KERAS = "keras"
SOURCES = (OFFLINE, KERAS)


def check_source(source: str) -> str:
    """Returns `source` unchanged when it is "offline" or "keras"; raises ValueError otherwise.

    Args:
        source: where a loader takes its data from.

    Returns:
        The same string.
    """
    if source not in SOURCES:
        raise ValueError(
            f"unknown source {source!r}: use source='offline' (the default: data shipped "
            "inside installed packages, no network) or source='keras' (the textbook's "
            "dataset, downloaded by keras.datasets)"
        )
    return source


def keras_dataset_module(name: str) -> ModuleType:
    """Returns `keras.datasets.<name>`, importing Keras (and its backend) only now.

    Args:
        name: the dataset module name in `keras.datasets` ("mnist", "imdb", ...).

    Returns:
        The imported module.
    """
    return importlib.import_module(f"keras.datasets.{name}")
