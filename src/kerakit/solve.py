"""Run a chapter's reference training runs and write their TensorBoard logs.

A chapter folder may hold `runs.py` defining `RUNS`, a dict of run name -> function
`run(log_dir: pathlib.Path) -> None` that trains with `tensorboard_callback(log_dir)`.
`runs.py` calls the chapter's own functions, so with `--impl chapters` a student
trains their own code and compares the logs with the reference's.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

from kerakit import KIT_SEED
from kerakit.grading.loader import resolve_implementation
from kerakit.grading.seeding import quiet_tensorflow, seed_everything


def tensorboard_callback(log_dir: Path):
    """Return a TensorBoard callback that writes small, scalar-only logs (no graph, no profile)."""
    import keras

    return keras.callbacks.TensorBoard(
        log_dir=str(log_dir), histogram_freq=0, write_graph=False, write_images=False, update_freq="epoch", profile_batch=0
    )


def solve_chapter(root: Path, chapter: str, impl: str = "solutions", only: list[str] | None = None) -> Iterator[tuple[str, Path]]:
    """Yield (run name, log folder) for each reference run of `chapter` after training it.

    Each run's folder `<impl>/<chapter>/logs/<run>/` is emptied first so logs are
    regenerated, not appended to.
    """
    quiet_tensorflow()
    implementation = resolve_implementation(impl, root)
    runs = implementation.load_module(chapter, "runs").RUNS
    unknown = sorted(set(only or []) - set(runs))
    if unknown:
        raise ValueError(f"{chapter} has no run {', '.join(unknown)}; runs: {', '.join(runs)}")
    for name, run in runs.items():
        if only and name not in only:
            continue
        log_dir = implementation.root / chapter / "logs" / name
        shutil.rmtree(log_dir, ignore_errors=True)
        log_dir.mkdir(parents=True)
        seed_everything(KIT_SEED)
        run(log_dir)
        yield name, log_dir
