"""Grade the reference of each chapter with `kerakit grade --workers 1`, sealed and in-process; print time and peak memory.

Usage: python benchmarks/grade_memory.py [--chapters ch02,ch05] [--modes sealed,in-process]

Gradescope gives each submission one such run (`--workers 1`) on a 768 MB box by default,
so what matters is the memory of the whole process tree: `kerakit grade`, its worker,
the grading process and, sealed, the student's process. The script samples every
process of the tree four times a second and sums their proportional set size (PSS,
/proc/PID/smaps_rollup: pages shared between processes, such as those a fork shares,
are split between them instead of counted twice); it prints the peak of that sum, the
peak of its anonymous part (what the kernel cannot drop: TensorFlow's shared libraries,
file pages, can be read again under pressure), the largest single process, and the wall
time per chapter.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kerakit.paths import resolve_chapter  # noqa: E402


def tree_of(root: int) -> list[int]:
    """Return `root` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def pss_mb(pid: int, field: str = "Pss:") -> float:
    """Return the process's proportional set size (or another smaps_rollup field) in MB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakSampler(threading.Thread):
    """Samples a process tree until stopped; keeps the peak total PSS and the peak single process."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.total, self.anonymous, self.single, self.processes = root, 0.0, 0.0, 0.0, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.25):
            pids = tree_of(self.root)
            sizes = [pss_mb(pid) for pid in pids]
            self.total = max(self.total, sum(sizes))
            self.anonymous = max(self.anonymous, sum(pss_mb(pid, "Pss_Anon:") for pid in pids))
            self.single = max(self.single, max(sizes, default=0.0))
            self.processes = max(self.processes, sum(size > 0 for size in sizes))

    def stop(self) -> None:
        self._done.set()
        self.join()


def grade_one(chapter: str, sealed: bool, base: Path) -> dict:
    """Return wall seconds, points and peak memory of grading the chapter's reference once."""
    submissions, out = base / "submissions", base / "out"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(ROOT / "solutions" / chapter, submissions / "reference" / chapter,
                    ignore=shutil.ignore_patterns("logs", "__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), TF_CPP_MIN_LOG_LEVEL="3")
    command = [sys.executable, "-m", "kerakit.cli", "grade", str(submissions), "--out", str(out), "--workers", "1",
               "--chapters", chapter, *([] if sealed else ["--in-process"])]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sampler = PeakSampler(process.pid)
    sampler.start()
    process.wait()
    sampler.stop()
    report = json.loads((out / "students" / "reference" / "report.json").read_text())
    return {"seconds": time.perf_counter() - started, "points": report["score"],
            "max_points": sum(t["max_points"] for t in report["tests"]), "total_mb": sampler.total, "anonymous_mb": sampler.anonymous,
            "single_mb": sampler.single, "processes": sampler.processes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", default="ch02,ch03,ch04,ch05,ch05b,ch06,ch07,ch08")
    parser.add_argument("--modes", default="sealed,in-process")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="kerakit-memory-"))
    print("| chapter | mode | wall s | points | peak PSS of the tree, MB | of it anonymous, MB | largest process, MB | processes |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for short in args.chapters.split(","):
        chapter = resolve_chapter(ROOT, short)
        for mode in args.modes.split(","):
            row = grade_one(chapter, mode == "sealed", base / "run")
            print(f"| {short} | {mode} | {row['seconds']:.1f} | {row['points']:g}/{row['max_points']:g} | {row['total_mb']:.0f} | {row['anonymous_mb']:.0f} | "
                  f"{row['single_mb']:.0f} | {row['processes']} |", flush=True)
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
