"""Time and measure the peak memory of `kerakit check --impl solutions`, one process per chapter, several runs.

Usage: python benchmarks/grade_reference.py [--runs 3] [--chapters ch02,ch03,ch04,ch05,ch05b,ch06,ch07,ch08]
       python benchmarks/grade_reference.py --runs 1 --together   # all chapters in one process
       python benchmarks/grade_reference.py --isolate none     # without a forked child per grader module
Prints each run's wall time and peak resident memory (ru_maxrss of the process and its children), then per
chapter the median time and the largest peak. Goals on 2 cores: a chapter's grading under
1 GB resident (Gradescope's default box has 768 MB); the whole kit no slower than 135 s.
The figures measured for the README and the closing notes come from this script.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = "ch02,ch03,ch04,ch05,ch05b,ch06,ch07,ch08"


def measure_one_run(chapters: list[str], isolate: str) -> tuple[float, float]:
    """Return (wall-clock seconds, peak resident MB) of one `kerakit check --impl solutions` process and its children."""
    command = [sys.executable, "-m", "kerakit.cli", "check", *chapters, "--impl", "solutions"]
    environment = dict(os.environ, PYTEST_ADDOPTS=f"--kerakit-isolate {isolate}")
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    output, errors = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"grading the reference failed:\n{output[-3000:]}\n{errors[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes; Linux counts the largest of the waited-for children too


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chapters", default=CHAPTERS)
    parser.add_argument("--together", action="store_true", help="grade the chapters in one process instead of one each")
    parser.add_argument("--isolate", choices=("module", "none"), default="module",
                        help="grader modules in forked children (module, the default) or all in one process (none)")
    args = parser.parse_args()
    chapters = args.chapters.split(",")
    groups = [chapters] if args.together else [[chapter] for chapter in chapters]
    results: dict[str, list[tuple[float, float]]] = {}
    for run in range(args.runs):
        for group in groups:
            name = "+".join(group)
            results.setdefault(name, []).append(measure_one_run(group, args.isolate))
            seconds, megabytes = results[name][-1]
            print(f"run {run + 1} {name}: {seconds:.1f} s, peak {megabytes:.0f} MB", flush=True)
    print(f"\n{'chapters':<22} {'median s':>9} {'peak MB':>8}")
    for name, runs in results.items():
        print(f"{name:<22} {statistics.median(s for s, _ in runs):>9.1f} {max(m for _, m in runs):>8.0f}")
    total = sum(statistics.median(s for s, _ in runs) for runs in results.values())
    print(f"{'total':<22} {total:>9.1f}")


if __name__ == "__main__":
    main()
