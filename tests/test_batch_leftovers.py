"""A run folder left by a killed `kerakit grade` (merged graders, hidden ones too) is removed when the next run starts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kerakit.batch import leftovers


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def run_folder(root, name, owner=None, age=0.0, kept=False):
    folder = root / f"{leftovers.RUN_PREFIX}{name}"
    (folder / "graders" / "ch01").mkdir(parents=True)
    (folder / "graders" / "ch01" / "test_hidden.py").write_text("SECRET = 42\n")
    if owner is not None:
        (folder / leftovers.OWNER_FILE).write_text(str(owner))
    if kept:
        (folder / leftovers.KEPT_FILE).write_text("")
    if age:
        stamp = folder.stat().st_mtime - age
        os.utime(folder, (stamp, stamp))
    return folder


def test_only_folders_of_ended_runs_are_removed(tmp_path):
    killed = run_folder(tmp_path, "killed", owner=dead_pid())
    running = run_folder(tmp_path, "running", owner=os.getpid())
    being_made = run_folder(tmp_path, "new")
    old_unowned = run_folder(tmp_path, "old", age=3600)
    kept = run_folder(tmp_path, "kept", owner=dead_pid(), kept=True)
    other = tmp_path / "someone-elses"
    other.mkdir()
    removed = leftovers.remove_leftover_run_dirs(tmp_path)
    assert sorted(removed) == sorted([killed, old_unowned])
    assert not killed.exists() and not old_unowned.exists()
    assert running.exists() and being_made.exists() and kept.exists() and other.exists()


def test_a_new_run_folder_names_its_owner(tmp_path, monkeypatch):
    monkeypatch.setattr(leftovers.tempfile, "tempdir", str(tmp_path))
    folder = leftovers.make_run_dir()
    assert folder.parent == tmp_path and (folder / leftovers.OWNER_FILE).read_text() == str(os.getpid())
    assert leftovers.remove_leftover_run_dirs(tmp_path) == []


def test_another_users_run_folders_are_left_alone(tmp_path, monkeypatch):
    from kerakit.batch import leftovers

    theirs = tmp_path / f"{leftovers.RUN_PREFIX}theirs"
    theirs.mkdir()
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        result = real_stat(self, *args, **kwargs)
        if self == theirs:
            return os.stat_result((result.st_mode, result.st_ino, result.st_dev, result.st_nlink, os.geteuid() + 1,
                                   *tuple(result)[5:]))
        return result

    monkeypatch.setattr(Path, "stat", stat)
    assert leftovers.remove_leftover_run_dirs(tmp_path, now=time.time() + 3600) == [] and theirs.exists()
