"""Time `kerakit check --impl solutions` for some chapters as a whole process, several runs.

Usage: python benchmarks/grade_reference.py [--runs 5] [--chapters ch02,ch03]
       python benchmarks/grade_reference.py --runs 3 --chapters ch05
Prints each run's wall time and the median. Targets on 2 cores: chapters 2 and 3 under
90 s (issue 2); chapter 5 alone under 3 minutes (issue 4). Measured 2026-11-30 on the
2-core machine: chapter 5, 5 runs, 75.2-82.8 s, median 79.2 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_one_run(chapters: list[str]) -> float:
    """Return the wall-clock seconds of one `kerakit check --impl solutions` process."""
    command = [sys.executable, "-m", "kerakit.cli", "check", *chapters, "--impl", "solutions"]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"grading the reference failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chapters", default="ch02,ch03")
    args = parser.parse_args()
    chapters = args.chapters.split(",")
    times = []
    for run in range(args.runs):
        times.append(time_one_run(chapters))
        print(f"run {run + 1}: {times[-1]:.1f} s", flush=True)
    print(f"median of {len(times)} runs: {statistics.median(times):.1f} s (min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
