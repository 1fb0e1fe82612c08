"""Grade a class of 20 mixed submissions with `kerakit grade --workers 2` and with plain pytest, one after another.

Usage: python benchmarks/grade_class.py [--students 20] [--workers 2] [--chapters ch02,ch03] [--keep DIR]

The class mixes reference copies, untouched stubs and wrong answers (a reference copy
with one function replaced from tests/wrong/). Both ways grade the same folders in
the same run; the script prints submissions per minute for each, the speedup, the
overhead per submission beyond the graders' own test time, the load average, and
checks that both ways gave every student the same points.
Target (issue 5): at least 1.7x the sequential throughput, overhead under 10 s per submission.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kerakit.paths import resolve_chapter  # noqa: E402


def module_for(chapter: str, wrong_file: Path) -> str | None:
    """Return the chapter module that defines the functions `wrong_file` replaces."""
    names = [node.name for node in ast.parse(wrong_file.read_text()).body if isinstance(node, ast.FunctionDef)]
    for module in sorted((ROOT / "solutions" / chapter).glob("*.py")):
        if names and all(f"def {name}(" in module.read_text() for name in names):
            return module.stem
    return None


def build_class(folder: Path, chapters: list[str], students: int) -> dict[str, str]:
    """Write `students` submissions into `folder`; return {student: kind}."""
    per_chapter = [[(chapter, path) for path in sorted((ROOT / "tests" / "wrong" / chapter).glob("*.py"))] for chapter in chapters]
    wrong = [pair for row in zip(*per_chapter) for pair in row]  # alternate chapters
    kinds = {}
    for number in range(students):
        name = f"student{number:02d}"
        kind = ("reference", "stubs", "wrong")[number % 3]
        target = folder / name / "chapters"
        for chapter in chapters:
            source = ROOT / ("chapters" if kind == "stubs" else "solutions") / chapter
            shutil.copytree(source, target / chapter, ignore=shutil.ignore_patterns("logs", "__pycache__", "README.md"))
        if kind == "wrong":
            chapter, path = wrong[(number // 3) % len(wrong)]
            module = module_for(chapter, path)
            if module:
                target_module = target / chapter / f"{module}.py"
                target_module.write_text(target_module.read_text() + "\n\n# --- wrong ---\n" + path.read_text())
            kind = f"wrong ({path.stem})"
        kinds[name] = kind
    return kinds


def load_average() -> str:
    """Return the 1-, 5- and 15-minute load averages."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def grade_in_parallel(submissions: Path, out: Path, chapters: list[str], workers: int) -> tuple[float, dict]:
    """Return (wall seconds, {student: (score, graders' own seconds)}) for `kerakit grade`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), TF_CPP_MIN_LOG_LEVEL="3")
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "kerakit.cli", "grade", str(submissions), "--out", str(out),
                                "--workers", str(workers), "--chapters", ",".join(chapters), "--force"],
                               cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"kerakit grade failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    progress = [line for line in completed.stderr.splitlines() if line.startswith("[")]
    print("\n".join(["$ kerakit grade ...", *progress[:1], "...", *progress[-1:], completed.stdout.rstrip()]), flush=True)
    results = {}
    for report in sorted((out / "students").glob("*/report.json")):
        data = json.loads(report.read_text())
        results[data["student"]] = (data["score"], sum(t["duration"] for t in data["tests"]), data["execution_time"])
    return wall, results


def grade_sequentially(submissions: Path, reports: Path, chapters: list[str]) -> tuple[float, dict]:
    """Return (wall seconds, {student: (score, graders' own seconds, process seconds)}) for plain pytest per submission."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), TF_CPP_MIN_LOG_LEVEL="3")
    reports.mkdir(parents=True, exist_ok=True)
    results = {}
    started = time.perf_counter()
    for submission in sorted(p for p in submissions.iterdir() if p.is_dir()):
        report = reports / f"{submission.name}.json"
        one = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", *[f"graders/{c}" for c in chapters], "--impl", str(submission),
                        "--kerakit-json", str(report), "-q", "-p", "no:cacheprovider", "--kerakit-no-table", "--tb=no"],
                       cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - one
        data = json.loads(report.read_text())
        results[submission.name] = (data["score"], sum(t["duration"] for t in data["tests"]), seconds)
    return time.perf_counter() - started, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chapters", default="ch02,ch03")
    parser.add_argument("--keep", metavar="DIR", help="build the class and outputs here and keep them")
    args = parser.parse_args()
    chapters = [resolve_chapter(ROOT, c) for c in args.chapters.split(",")]
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kerakit-bench-"))
    submissions = base / "submissions"
    shutil.rmtree(submissions, ignore_errors=True)
    kinds = build_class(submissions, chapters, args.students)
    n = len(kinds)
    print(f"{n} submissions ({sum(k == 'reference' for k in kinds.values())} reference, "
          f"{sum(k == 'stubs' for k in kinds.values())} stubs, {sum(k.startswith('wrong') for k in kinds.values())} wrong), "
          f"chapters {', '.join(chapters)}, {os.cpu_count()} CPUs", flush=True)

    load_before = load_average()
    parallel_wall, parallel = grade_in_parallel(submissions, base / "out", chapters, args.workers)
    load_parallel = load_average()
    print(f"kerakit grade --workers {args.workers}: {parallel_wall:.1f} s (load average before {load_before}, after {load_parallel})", flush=True)
    sequential_wall, sequential = grade_sequentially(submissions, base / "sequential", chapters)
    load_sequential = load_average()
    print(f"plain pytest, one after another: {sequential_wall:.1f} s (load average after {load_sequential})", flush=True)

    differ = [s for s in kinds if parallel[s][0] != sequential[s][0]]
    grader_parallel = sum(v[1] for v in parallel.values())
    grader_sequential = sum(v[1] for v in sequential.values())
    overhead_parallel = sum(v[2] - v[1] for v in parallel.values()) / n
    overhead_parallel_run = (parallel_wall * args.workers - grader_parallel) / n
    overhead_sequential = sum(v[2] - v[1] for v in sequential.values()) / n
    rate_parallel, rate_sequential = n / parallel_wall * 60, n / sequential_wall * 60
    print()
    print("| way | wall s | submissions/min | graders' own s | overhead s/submission |")
    print("|---|---:|---:|---:|---:|")
    print(f"| plain pytest, sequential | {sequential_wall:.1f} | {rate_sequential:.2f} | {grader_sequential:.1f} | {overhead_sequential:.2f} |")
    print(f"| kerakit grade --workers {args.workers} | {parallel_wall:.1f} | {rate_parallel:.2f} | {grader_parallel:.1f} | "
          f"{overhead_parallel:.2f} (per submission in its worker); {overhead_parallel_run:.2f} (whole run: wall x workers - graders, / n) |")
    print()
    print(f"speedup: {rate_parallel / rate_sequential:.2f}x (target 1.7x)")
    print(f"load average: before {load_before}; after parallel {load_parallel}; after sequential {load_sequential}")
    print(f"same points both ways: {'yes' if not differ else 'NO: ' + ', '.join(differ)}")
    for student, kind in kinds.items():
        print(f"  {student} {kind:<48} {parallel[student][0]:g} / {sequential[student][0]:g}")


if __name__ == "__main__":
    main()
