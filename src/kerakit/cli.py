"""The `kerakit` command: check, assign, solve, calibrate, datasets, grade, gradescope-bundle, classroom."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kerakit import KIT_SEED
from kerakit.paths import KitRootNotFound, find_kit_root, resolve_chapter

EXAMPLES = {
    "check": "examples:\n  kerakit check                       grade your chapters/ on every chapter\n"
    "  kerakit check ch03                  grade one chapter\n"
    "  kerakit check ch03 --impl solutions grade the reference solutions\n"
    "  kerakit check --impl ~/alice --gradescope results.json",
    "assign": "examples:\n  kerakit assign          rewrite chapters/ from solutions/ (overwrites chapters/!)\n"
    "  kerakit assign --check  exit 1 if chapters/ differ from what assign would write",
    "solve": "examples:\n  kerakit solve ch03                  write solutions/ch03_first_networks/logs/\n"
    "  kerakit solve ch03 --impl chapters  train YOUR functions into chapters/ch03_first_networks/logs/\n"
    "  tensorboard --logdir solutions/ch03_first_networks/logs",
    "calibrate": "examples:\n  kerakit calibrate ch03               re-measure ch03's floors over 10 seeds, verify on 10 held-out seeds\n"
    "  kerakit calibrate ch03 --seeds 1,2,3,4,5,6\n"
    "  kerakit calibrate ch03 -k imdb         only the floors measured by the IMDB graders",
    "datasets": "example:\n  kerakit datasets   list every dataset, where it comes from, and whether it loads offline",
    "grade": "examples:\n  kerakit grade submissions/ --out grades/                 every chapter, 2 workers\n"
    "  kerakit grade submissions/ --out grades/ --chapters ch02,ch03 --workers 4\n"
    "  kerakit grade submissions/ --out grades/ --graders hidden_graders/\n"
    "  kerakit grade submissions/ --out grades/ --force        grade everyone again\n"
    "SUBMISSIONS holds one folder or .zip per student (their copy of chapters/, whole or in part).\n"
    "An interrupted run resumes where it stopped.",
    "gradescope-bundle": "examples:\n  kerakit gradescope-bundle --out autograder.zip\n"
    "  kerakit gradescope-bundle --out autograder.zip --chapters ch03 --graders hidden_graders/",
    "classroom": "examples:\n  kerakit classroom                       write .github/workflows/classroom.yml\n"
    "  kerakit classroom --chapters ch03 --out my-template/.github/workflows/classroom.yml",
}


def main(argv: list[str] | None = None) -> int:
    """Run the kerakit command line and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KitRootNotFound as error:
        print(f"kerakit: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"kerakit {args.command}: {error}", file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="kerakit",
        description="Exercises with automated grading for learning deep learning with Keras.",
        epilog="Run `kerakit COMMAND --help` for a command's options and examples.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, run):
        sub = commands.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES[name],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(run=run)
        return sub

    check = command("check", "run the graders and print the points table", run_check)
    check.add_argument("chapters", nargs="*", metavar="CHAPTER", help="chapters to grade, e.g. ch03 (default: all)")
    check.add_argument("--impl", default="chapters", help="chapters (default), solutions or a folder to grade")
    check.add_argument("--json", metavar="PATH", help="also write the kerakit JSON report")
    check.add_argument("--gradescope", metavar="PATH", help="also write Gradescope's results.json")
    check.add_argument("--seed", type=int, default=KIT_SEED, help=f"kit seed (default {KIT_SEED})")
    check.add_argument("-k", metavar="EXPRESSION", help="only tests matching the pytest -k expression")
    check.add_argument("-v", "--verbose", action="store_true", help="show full tracebacks for failures")

    assign_cmd = command("assign", "write chapters/ (student stubs) from solutions/", run_assign)
    assign_cmd.add_argument("--check", action="store_true", help="only report drift; exit 1 if any")

    solve = command("solve", "train a chapter's reference runs and write TensorBoard logs", run_solve)
    solve.add_argument("chapter", metavar="CHAPTER")
    solve.add_argument("--impl", default="solutions", help="solutions (default), chapters or a folder")
    solve.add_argument("--run", dest="only_runs", action="append", metavar="NAME", help="only this run (repeatable)")

    calibrate = command("calibrate", "re-measure a chapter's metric floors on the reference", run_calibrate)
    calibrate.add_argument("chapter", metavar="CHAPTER")
    calibrate.add_argument("--held-out", default=",".join(str(KIT_SEED + 100 + i) for i in range(10)),
                           help="seeds the floors are verified on, not set from (default: 10 seeds from kit seed + 100); "
                                "'' to skip")
    calibrate.add_argument("--seeds", default=",".join(str(KIT_SEED + i) for i in range(10)),
                           help="comma-separated seeds (at least 5 recommended)")
    calibrate.add_argument("-k", metavar="EXPRESSION", help="only re-measure the floors of tests matching this -k expression")

    command("datasets", "list the datasets, their sources and whether they load", run_datasets)

    grade = command("grade", "grade a class of submissions in parallel, safely, and export the grades", run_grade)
    grade.add_argument("submissions", metavar="SUBMISSIONS", help="folder with one folder or .zip per student")
    grade.add_argument("--out", required=True, metavar="DIR", help="where grades.csv, summary.md and students/ go")
    grade.add_argument("--chapters", metavar="LIST", help="comma-separated chapters, e.g. ch02,ch03 (default: all)")
    grade.add_argument("--workers", type=int, default=2, metavar="N", help="submissions graded at once (default 2)")
    grade.add_argument("--select", metavar="EXPRESSION",
                       help="grade only the exercises whose test names match this pytest -k expression, e.g. \"test_imdb\"")
    grade.add_argument("--graders", metavar="EXTRA_DIR", help="instructor-only (hidden) graders: EXTRA_DIR/chNN_topic/test_*.py")
    grade.add_argument("--force", action="store_true", help="grade again the submissions already graded in DIR")
    grade.add_argument("--in-process", dest="sealed", action="store_false",
                       help="run the graders in the student's process (a little faster; student code can then change its "
                            "own verdicts: for trusted code only). Default: graders in a process that never runs student code")
    grade.add_argument("--sealed", dest="sealed", action="store_true", help=argparse.SUPPRESS)  # still accepted: it is the default now
    grade.add_argument("--seed", type=int, default=KIT_SEED, help=f"kit seed (default {KIT_SEED})")
    grade.add_argument("--threads", type=int, metavar="N", help="TensorFlow threads per worker (default: CPUs // workers)")
    defaults = _default_limits()
    grade.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS",
                       help=f"wall-clock limit per submission (default {defaults.timeout:g})")
    grade.add_argument("--test-timeout", type=float, default=defaults.test_timeout, metavar="SECONDS",
                       help=f"default wall-clock limit per test (default {defaults.test_timeout:g})")
    grade.add_argument("--memory-mb", type=int, default=defaults.memory_mb, metavar="MIB",
                       help=f"address-space limit of a student's process (default {defaults.memory_mb})")
    grade.add_argument("--cpu-seconds", type=int, default=defaults.cpu_seconds, metavar="SECONDS",
                       help=f"CPU-time limit of a student's process (default {defaults.cpu_seconds})")
    grade.add_argument("--max-procs", type=int, default=defaults.max_procs, metavar="N",
                       help=f"processes and threads a student's process may hold (default {defaults.max_procs})")
    grade.add_argument("--disk-mb", type=int, default=defaults.disk_mb, metavar="MIB",
                       help=f"what a submission may write, workspace and temporary files together (default {defaults.disk_mb})")

    bundle = command("gradescope-bundle", "build a Gradescope autograder zip", run_gradescope_bundle)
    bundle.add_argument("--out", default="autograder.zip", metavar="ZIP", help="the zip to write (default autograder.zip)")
    bundle.add_argument("--chapters", metavar="LIST", help="comma-separated chapters to grade (default: all)")
    bundle.add_argument("--graders", metavar="EXTRA_DIR", help="hidden graders to include")

    classroom = command("classroom", "write a GitHub Classroom autograding workflow", run_classroom)
    classroom.add_argument("--out", default=".github/workflows/classroom.yml", metavar="PATH",
                           help="where to write the workflow (default .github/workflows/classroom.yml)")
    classroom.add_argument("--chapters", metavar="LIST", help="comma-separated chapters to grade (default: all)")
    return parser


def _default_limits():
    from kerakit.batch.limits import Limits

    return Limits()


def _chapter_list(text: str | None) -> list[str] | None:
    """Return the chapters named in a comma-separated option, or None when it was not given."""
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def _resolved_chapters(root: Path, text: str | None) -> list[str] | None:
    """Return the full chapter folder names (ch03 -> ch03_first_networks) of a --chapters option, or None."""
    chapters = _chapter_list(text)
    return [resolve_chapter(root, c) for c in chapters] if chapters else None


def run_grade(args: argparse.Namespace) -> int:
    """Grade every submission in SUBMISSIONS into --out; return 0 when every one was graded."""
    from kerakit.batch.limits import Limits
    from kerakit.batch.pipeline import GradeOptions, grade_class

    root = find_kit_root()
    limits = Limits(timeout=args.timeout, test_timeout=args.test_timeout, memory_mb=args.memory_mb,
                    cpu_seconds=args.cpu_seconds, max_procs=args.max_procs, disk_mb=args.disk_mb)
    options = GradeOptions(Path(args.submissions), Path(args.out), _chapter_list(args.chapters), args.workers,
                           Path(args.graders) if args.graders else None, args.force, limits, args.seed,
                           threads=args.threads, sealed=args.sealed, select=args.select)
    try:
        result = grade_class(options, root)
    except KeyboardInterrupt:
        print(f"\nkerakit grade: interrupted; what was graded is in {args.out}: run the same command to go on",
              file=sys.stderr)
        return 130
    if result.skipped:
        print(f"{len(result.skipped)} already graded in {args.out} (use --force to grade them again)")
    print(f"graded {len(result.graded)} of {result.students} submissions in {result.seconds:.1f} s")
    for path in result.outputs:
        print(f"wrote {path}")
    return 0


def run_gradescope_bundle(args: argparse.Namespace) -> int:
    """Write the Gradescope autograder zip; return 0."""
    from kerakit.batch.bundle import build_gradescope_bundle

    root = find_kit_root()
    chapters = _resolved_chapters(root, args.chapters)
    path = build_gradescope_bundle(root, Path(args.out), chapters, Path(args.graders) if args.graders else None)
    print(f"wrote {path}: upload it as the autograder of a Gradescope programming assignment")
    return 0


def run_classroom(args: argparse.Namespace) -> int:
    """Write the GitHub Classroom workflow; return 0."""
    from kerakit.batch.bundle import write_classroom_workflow

    root = find_kit_root()
    chapters = _resolved_chapters(root, args.chapters)
    path = write_classroom_workflow(Path(args.out), chapters)
    print(f"wrote {path}: commit it to the assignment's template repository")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Run the graders through pytest in this process and return pytest's exit status."""
    import pytest

    root = find_kit_root()
    targets = [str(root / "graders" / resolve_chapter(root, c)) for c in args.chapters] or [str(root / "graders")]
    options = [*targets, "--kerakit-impl", args.impl, "--kerakit-seed", str(args.seed), *_pytest_base_options(root)]
    options += ["--tb=short" if args.verbose else "--tb=no", "-rN"]
    if args.verbose:
        options.append("-v")
    if args.k:
        options += ["-k", args.k]
    if args.json:
        options += ["--kerakit-json", args.json]
    if args.gradescope:
        options += ["--kerakit-gradescope", args.gradescope]
    return int(pytest.main(options))


def _pytest_base_options(root: Path) -> list[str]:
    return ["-c", str(root / "pyproject.toml"), "--rootdir", str(root), "-q", "--no-header",
            "-p", "no:cacheprovider", "--disable-warnings",
            # kerakit is imported before pytest loads it as a plugin; nothing to rewrite there.
            "-W", "ignore::pytest.PytestAssertRewriteWarning"]


def run_assign(args: argparse.Namespace) -> int:
    """Write chapters/ from solutions/, or with --check report drift; return 1 on drift."""
    from kerakit.assign import AssignError, assign, check

    root = find_kit_root()
    try:
        if args.check:
            drift = check(root / "solutions", root / "chapters")
            for item in drift:
                print(item)
            if drift:
                print(f"chapters/ is out of date ({len(drift)} files): run `kerakit assign`", file=sys.stderr)
                return 1
            print("chapters/ matches solutions/")
            return 0
        written = assign(root / "solutions", root / "chapters")
    except AssignError as error:
        print(f"kerakit assign: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote chapters/{path}")
    print(f"{len(written)} files updated")
    return 0


def run_solve(args: argparse.Namespace) -> int:
    """Train the chapter's reference runs into CHAPTER/logs/ and return 0 on success."""
    from kerakit.solve import solve_chapter

    root = find_kit_root()
    chapter = resolve_chapter(root, args.chapter)
    for run_name, log_dir in solve_chapter(root, chapter, args.impl, args.only_runs):
        print(f"{run_name}: wrote {log_dir}")
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    """Grade the reference at several seeds and rewrite the chapter's floors in thresholds.toml."""
    from kerakit.calibrate import calibrate_chapter

    root = find_kit_root()
    chapter = resolve_chapter(root, args.chapter)
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    if len(seeds) < 2:
        raise ValueError("--seeds needs at least two seeds")
    held_out = [int(s) for s in args.held_out.split(",") if s.strip()]
    if set(held_out) & set(seeds):
        raise ValueError("--held-out seeds must not be calibration seeds")
    calibration = calibrate_chapter(root, chapter, seeds, _pytest_base_options(root), args.k, held_out)
    for floor in calibration.floors:
        held = f"; held-out {min(floor.held_out_values):.4f}-{max(floor.held_out_values):.4f}" if floor.held_out_values else ""
        print(f"{floor.key}: floor {floor.floor:.3f} ({floor.direction}), mean {floor.mean:.4f}, "
              f"{min(floor.values):.4f}-{max(floor.values):.4f} over {len(floor.values)} seeds{held}")
    print(f"updated {root / 'graders' / 'thresholds.toml'}")
    failures = calibration.held_out_failures
    for key, misses in failures.items():
        print(f"HELD-OUT FAILURE {key}: " + ", ".join(f"seed {seed} gave {value:.4f}" for seed, value in misses))
    return 1 if failures else 0


def run_datasets(args: argparse.Namespace) -> int:
    """Print every dataset with its source and whether it loads offline; return 1 if one fails."""
    from kerakit.data import DATASETS, check_dataset

    failed = 0
    for info in DATASETS:
        ok, message = check_dataset(info)
        failed += not ok
        kind = "synthetic" if info.synthetic else "real"
        print(f"{info.name:<16} {'ok' if ok else 'FAILED':<7} {kind:<9} {message}")
        print(f"{'':<16} textbook: {info.textbook}; offline: {info.offline_source}; licence: {info.licence}")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
