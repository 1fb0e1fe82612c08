"""`kerakit grade`: every step of grading a class, composed in one place."""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kerakit import KIT_SEED
from kerakit.batch.jail import jail_available, runtime_paths
from kerakit.batch.gradebook import write_grades_csv, write_histogram, write_summary
from kerakit.batch.leftovers import KEPT_FILE, make_run_dir, remove_leftover_run_dirs
from kerakit.batch.limits import Limits
from kerakit.batch.outcomes import CatalogTest, Outcomes, catalog_from_records
from kerakit.batch.progress import Progress
from kerakit.batch.recorder import Recorder
from kerakit.batch.sandbox import unreadable_for_others
from kerakit.batch.runner import KERAKIT_SOURCE, Slot, collect_catalog, grade_in_slot, run_pool
from kerakit.batch.unpack import Submission, UnpackError, list_submissions, unpack
from kerakit.batch.workspace import build_workspace, exercise_modules
from kerakit.grading.feedback import ERROR
from kerakit.grading.preload import modules_to_preload
from kerakit.grading.reports import HIDDEN
from kerakit.paths import resolve_chapter

KEEP_WORK = "KERAKIT_KEEP_WORK"  # set it to keep workspaces and worker logs for debugging


@dataclass
class GradeOptions:
    """What `kerakit grade` was asked to do."""

    submissions: Path
    out: Path
    chapters: list[str] | None = None  # short or full names; None: every chapter with graders
    workers: int = 2
    extra_graders: Path | None = None
    force: bool = False
    limits: Limits = field(default_factory=Limits)
    seed: int = KIT_SEED
    sandbox_uid: bool = True  # as root, run each slot's student code as its own uid
    jail: bool = True  # student code in its own mount, PID and network namespaces (jail.py), where Linux allows it
    sealed: bool = True  # graders in a process that never runs student code; student code in a host (grading/sealed.py)
    threads: int | None = None  # TensorFlow/BLAS threads per worker; None: CPUs // workers (at least 1)
    progress_stream: object = None
    select: str | None = None  # a pytest -k expression: grade only the exercises it matches (this week's, say)


@dataclass
class ClassResult:
    """What one `kerakit grade` run did."""

    graded: list[str]
    skipped: list[str]  # already graded by an earlier run (resume)
    students: int
    seconds: float
    outputs: list[Path]


def grade_class(options: GradeOptions, kit_root: Path) -> ClassResult:
    """Grade every submission not graded yet, record each one as it finishes, then write the class outputs."""
    started = time.perf_counter()
    chapters = select_chapters(kit_root, options.chapters)
    submissions_dir, out = Path(options.submissions).resolve(), Path(options.out).resolve()
    if out == submissions_dir or out.is_relative_to(submissions_dir) or submissions_dir.is_relative_to(out):
        raise ValueError("--out must be a folder outside SUBMISSIONS (and not contain it)")
    try:
        submissions = list_submissions(submissions_dir)
    except UnpackError as error:
        raise ValueError(str(error)) from None
    if options.workers < 1:
        raise ValueError("--workers must be at least 1")
    recorder = Recorder(out)
    if options.force:
        for submission in submissions:
            recorder.forget(submission.name)
    todo = [s for s in submissions if not recorder.is_done(s.name)]
    skipped = [s.name for s in submissions if s not in todo]
    if todo:
        _grade_submissions(todo, options, kit_root, chapters, submissions_dir, out, recorder)
    outputs = write_class_outputs(recorder, [s.name for s in submissions])
    return ClassResult([s.name for s in todo], skipped, len(submissions), time.perf_counter() - started, outputs)


def select_chapters(kit_root: Path, names: list[str] | None) -> list[str]:
    """Return the full chapter names to grade: the ones named, or every graders/chNN_* folder with tests."""
    if names:
        return [resolve_chapter(kit_root, name) for name in names]
    graders = kit_root / "graders"
    found = sorted(p.name for p in graders.iterdir() if p.is_dir() and re.match(r"ch\d+", p.name)
                   and any(p.glob("test_*.py")))
    if not found:
        raise ValueError(f"no chapters with graders under {graders}")
    return found


def merge_graders(graders: Path, extra: Path | None, chapters: list[str], destination: Path) -> set[tuple[str, str]]:
    """Copy the graders of `chapters` (and the extra, hidden ones) into `destination`; return the hidden (chapter, module)s.

    Raises:
        ValueError: an extra grader file has the name of a visible one.
    """
    destination.mkdir(parents=True)
    for path in graders.iterdir():
        if path.is_file() and path.suffix in (".py", ".toml"):
            shutil.copyfile(path, destination / path.name)
    for chapter in chapters:
        shutil.copytree(graders / chapter, destination / chapter, ignore=shutil.ignore_patterns("__pycache__", "logs"))
    hidden = set()
    if extra is not None:
        extra = Path(extra)
        if not extra.is_dir():
            raise ValueError(f"--graders {extra}: no such folder")
        for chapter in chapters:
            for path in sorted((extra / chapter).glob("*.py")) if (extra / chapter).is_dir() else []:
                target = destination / chapter / path.name
                if target.exists():
                    raise ValueError(f"hidden grader {path} has the same name as a grader in graders/{chapter}: rename it")
                shutil.copyfile(path, target)
                if path.name.startswith("test_"):
                    hidden.add((chapter, path.stem.removeprefix("test_")))
    return hidden


def preload_modules(graders_root: Path) -> list[str]:
    """Return the modules each worker imports once before forking: Keras when the graders use it."""
    return modules_to_preload(path.read_text(errors="replace") for path in graders_root.rglob("*.py"))


def _grade_submissions(todo: list[Submission], options: GradeOptions, kit_root: Path, chapters: list[str],
                       submissions_dir: Path, out: Path, recorder: Recorder) -> None:
    remove_leftover_run_dirs()  # a killed run's merged graders (hidden ones too) must not stay behind
    run_dir = make_run_dir()  # 0700: in a jail the graders are collected before the process drops to its uid
    slots: list[Slot] = []
    try:
        graders_root = run_dir / "graders"
        hidden_modules = merge_graders(kit_root / "graders", options.extra_graders, chapters, graders_root)
        jail = _jail_settings(options, kit_root, run_dir, graders_root)
        use_uids = options.sandbox_uid and os.geteuid() == 0 if jail else _use_slot_uids(options, kit_root)
        if use_uids and not jail:
            os.chmod(run_dir, 0o755)  # worker uids read the merged graders here; work/ below is 0711, workspaces 0700
            _make_readable(graders_root)
        work_dir = run_dir / "work"
        work_dir.mkdir()
        os.chmod(work_dir, 0o711)
        preload = preload_modules(graders_root)
        workers = min(options.workers, len(todo))
        threads = options.threads or max(1, (os.cpu_count() or 1) // options.workers)
        slots = [Slot(i, run_dir, preload, use_uids, threads) for i in range(workers)]
        _start_all(slots)
        base_job = {
            "kind": "grade", "kit_root": str(kit_root), "graders_root": str(graders_root),
            "targets": [str(graders_root / c) for c in chapters], "limits": options.limits.to_dict(),
            "seed": options.seed, "log": str(run_dir / "catalog.log"), "threads": threads, "sealed": options.sealed,
            "select": options.select,
            "protected": [str(p) for p in (kit_root / "solutions", out, submissions_dir, work_dir,
                                           *([Path(options.extra_graders).resolve()] if options.extra_graders else []))],
            "seal": [str(graders_root)], "jail": jail,
        }
        catalog = _catalog(slots[0], {**base_job, "kind": "catalog"}, hidden_modules)
        modules = exercise_modules(kit_root / "chapters", chapters)
        progress = Progress(len(todo), options.progress_stream)
        run_id = uuid.uuid4().hex[:12]

        def work(slot: Slot, submission: Submission) -> None:
            started = time.perf_counter()
            outcomes = Outcomes(catalog)
            reasons = grade_submission(slot, submission, outcomes, modules, base_job, options.limits, work_dir)
            report = outcomes.report(submission.name, time.perf_counter() - started, options.seed)
            recorder.save(submission.name, report, reasons,
                          {"run": run_id, "worker": slot.index, "sandbox": outcomes.sandbox})
            progress.advance(submission.name, bool(reasons))

        run_pool(slots, sorted(todo, key=_source_size, reverse=True), work)  # longest first: a short tail
        progress.finish()
    finally:
        for slot in slots:
            slot.close()
        if os.environ.get(KEEP_WORK):
            (run_dir / KEPT_FILE).write_text("")
            print(f"kept the work folder {run_dir} ({KEEP_WORK} is set)")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)


def grade_submission(slot: Slot, submission: Submission, outcomes: Outcomes, modules: dict[str, list[str]],
                     base_job: dict, limits: Limits, work_dir: Path) -> list[str]:
    """Unpack, build the workspace and grade one submission in `slot`; return its submission-level reasons."""
    reasons: list[str] = []
    unpacked = work_dir / f"unpacked-{slot.index}-{submission.name}"
    workspace_root = work_dir / f"{slot.index}-{submission.name}"
    try:
        for folder in (unpacked, workspace_root):
            shutil.rmtree(folder, ignore_errors=True)
        unpack(submission, unpacked)
        os.chmod(unpacked, 0o700)
        workspace = build_workspace(unpacked, modules, workspace_root)
        os.chmod(workspace_root, 0o700)
        reasons += workspace.notes
        if len(workspace.missing_chapters) == len(modules):
            reasons.append(f"no chapter folders found in the submission (expected {', '.join(modules)})")
        elif workspace.missing_chapters:
            reasons.append(f"missing from the submission: {', '.join(workspace.missing_chapters)}")
        for chapter in workspace.missing_chapters:
            outcomes.zero_all([t for t in outcomes.remaining if outcomes.catalog[t].chapter == chapter], ERROR,
                              f"{chapter} is missing from the submission")
        if outcomes.remaining:
            reasons += grade_in_slot(slot, {**base_job, "workspace": str(workspace_root), "uid": slot.uid},
                                     outcomes, limits)
    except UnpackError as error:
        reasons.append(str(error))
        outcomes.zero_all(outcomes.remaining, ERROR, str(error))
    finally:
        if not os.environ.get(KEEP_WORK):
            shutil.rmtree(unpacked, ignore_errors=True)
            shutil.rmtree(workspace_root, ignore_errors=True)
    return reasons


def write_class_outputs(recorder: Recorder, students: list[str]) -> list[Path]:
    """Write grades.csv, summary.md and histogram.png from every recorded submission; return their paths."""
    reports = [recorder.load(s) for s in students if recorder.is_done(s)]
    tests: list[str] = []
    for report in reports:
        tests += [t["name"] for t in report["tests"] if t["name"] not in tests]
    out = recorder.out_dir
    write_grades_csv(out / "grades.csv", reports, tests)
    write_histogram(out / "histogram.png", reports)
    write_summary(out / "summary.md", reports, tests, "histogram.png")
    return [out / "grades.csv", out / "summary.md", out / "histogram.png"]


def _catalog(slot: Slot, job: dict, hidden_modules: set[tuple[str, str]]) -> list[CatalogTest]:
    records, end = collect_catalog(slot, job)
    errors = [r for r in records if r.get("type") == "collect_error"]
    if errors:
        last = (errors[0].get("message") or "").strip().splitlines()
        raise ValueError(f"the graders do not load: {errors[0].get('where')}: {last[-1] if last else ''}")
    catalog = catalog_from_records(records)
    if not catalog:
        raise ValueError(f"no graded tests found (exit {end.code}); see {job['log']}")
    result = []
    for test in catalog:
        chapter, _, rest = test.name.partition("/")
        if (chapter, rest.partition("::")[0]) in hidden_modules:
            test = CatalogTest(test.name, test.points, HIDDEN, test.title, test.timeout)
        result.append(test)
    return result


def _source_size(submission: Submission) -> int:
    """Return the bytes of the submission (a fuller submission usually takes longer to grade)."""
    if submission.path.is_file():
        return submission.path.stat().st_size
    return sum(p.stat().st_size for p in submission.path.rglob("*.py") if p.is_file() and not p.is_symlink())


def _jail_settings(options: GradeOptions, kit_root: Path, run_dir: Path, graders_root: Path) -> dict | None:
    """Return the jail every grading job asks for (plain data), or None after saying in one line why there is none."""
    if not options.jail:
        return None
    missing = jail_available(run_dir / "probe")
    if missing:
        print(f"kerakit grade: {missing}: student code sees the whole filesystem (the in-process guard and the "
              "resource limits still apply)", file=sys.stderr)
        return None
    view = run_dir / "view"
    view.mkdir()
    protected = [kit_root / "solutions", kit_root / "chapters", Path(options.submissions), Path(options.out), run_dir,
                 *([Path(options.extra_graders)] if options.extra_graders else [])]
    return {"mount_point": str(view), "read_only": [str(p) for p in runtime_paths(kit_root, Path(KERAKIT_SOURCE), protected)],
            "sealed": [str(graders_root)], "disk_mb": options.limits.disk_mb,
            "empty_folders": [str(kit_root / "graders")]}


def _use_slot_uids(options: GradeOptions, kit_root: Path) -> bool:
    """Return True when student code can run under per-slot uids (root, and everything it needs readable)."""
    if not options.sandbox_uid or os.geteuid() != 0:
        return False
    needed = [Path(sys.base_prefix), Path(sys.prefix), Path(os.__file__).parent, kit_root,
              Path(KERAKIT_SOURCE), *[Path(p) for p in sys.path if p and Path(p).is_dir()]]
    blocked = unreadable_for_others(needed)
    if blocked is not None:
        print(f"kerakit grade: student code runs as root, not as per-worker uids: other users cannot read {blocked} "
              f"(chmod o+rx it to enable them); the in-process guard and the resource limits still apply",
              file=sys.stderr)
        return False
    return True


def _start_all(slots: list[Slot]) -> None:
    errors = []

    def start(slot: Slot) -> None:
        try:
            slot.start()
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=start, args=(slot,)) for slot in slots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise ValueError(str(errors[0]))


def _make_readable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH | (0o111 if path.is_dir() else 0))
