"""Create `kerakit grade`'s run folder, and remove the ones a killed run left behind.

A run folder holds the merged graders (hidden ones too) and the workspaces. A run that ends
normally removes its own; one killed with SIGKILL cannot, so the next run removes every run
folder whose owner process is gone before it starts.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

RUN_PREFIX = "kerakit-grade-"
OWNER_FILE = "owner.pid"
KEPT_FILE = "KEPT"  # written when KERAKIT_KEEP_WORK keeps a folder for debugging: never removed
UNOWNED_GRACE_SECONDS = 600.0  # a folder without an owner file may be one being created right now


def make_run_dir() -> Path:
    """Return a new run folder in the temporary directory, marked with this process's pid."""
    run_dir = Path(tempfile.mkdtemp(prefix=RUN_PREFIX))
    (run_dir / OWNER_FILE).write_text(str(os.getpid()))
    return run_dir


def remove_leftover_run_dirs(temp_root: str | Path | None = None, now: float | None = None) -> list[Path]:
    """Return the run folders removed: those whose owner process has ended (or, unowned, older than 10 minutes).

    Folders of runs still going, and folders kept on purpose (KERAKIT_KEEP_WORK), stay.
    """
    root = Path(temp_root or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    for folder in root.glob(RUN_PREFIX + "*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.geteuid() or (folder / KEPT_FILE).exists():
                continue  # another user's run folder is theirs to remove (and private: we could not look inside)
        except OSError:
            continue
        try:
            owner = int((folder / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            owner = None
        if owner is not None and _alive(owner):
            continue
        if owner is None and now - folder.stat().st_mtime < UNOWNED_GRACE_SECONDS:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True
