"""`kerakit grade`: a class of adversarial submissions, each graded with a clear reason, none touching another."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from kerakit.batch.bundle import build_gradescope_bundle, classroom_result, write_classroom_workflow
from kerakit.batch.limits import Limits
from kerakit.batch.outcomes import CatalogTest, Outcomes, describe_exit
from kerakit.batch.pipeline import GradeOptions, grade_class
from kerakit.batch.progress import Progress
from kerakit.batch.unpack import Submission, UnpackError, list_submissions, unpack
from kerakit.batch.workspace import build_workspace

ROOT = Path(__file__).resolve().parents[1]
ADVERSARIAL = ROOT / "tests" / "adversarial"
ATTACKS = sorted(p.stem for p in (ADVERSARIAL / "attacks").glob("*.py"))
LIMITS = Limits(timeout=90, test_timeout=2, memory_mb=1536, cpu_seconds=60, max_procs=512, output_mb=8, disk_mb=64)
SECRETS = ("4242", "8484", "SECRET", "secret_input")
TINY_TESTS = ["ch01_tiny/arith::test_double", "ch01_tiny/arith::test_mean",
              "ch01_tiny/hidden_arith::test_double_secret_input", "ch01_tiny/text::test_shout",
              "ch02_tiny/words::test_count_words"]


def copy_kit(destination: Path) -> Path:
    """Return a private copy of the tiny kit (an attack that got through must not damage the repository)."""
    shutil.copytree(ADVERSARIAL / "kit", destination)
    return destination


def reference_copy(kit: Path, folder: Path) -> Path:
    """Return `folder` holding a copy of the tiny kit's solutions (a perfect submission)."""
    for chapter in ("ch01_tiny", "ch02_tiny"):
        shutil.copytree(kit / "solutions" / chapter, folder / chapter)
    return folder


def zip_folder(folder: Path, archive: Path, prefix: str = "") -> Path:
    """Return `archive`, a zip of `folder` with every name under `prefix`."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, prefix + path.relative_to(folder).as_posix())
    return archive


def build_class(kit: Path, submissions: Path, out: Path) -> None:
    """Write the adversarial class into `submissions`: references, stubs, one submission per attack, bad archives."""
    reference_copy(kit, submissions / "good")
    zip_folder(reference_copy(kit, submissions.parent / "bob_source"), submissions / "bob.zip", "bob/chapters/")
    shutil.copytree(kit / "chapters", submissions / "stub")
    for attack in ATTACKS:
        folder = reference_copy(kit, submissions / attack)
        source = (ADVERSARIAL / "attacks" / f"{attack}.py").read_text()
        source = (source.replace("@KIT@", str(kit)).replace("@OUT@", str(out)).replace("@OTHER@", "good")
                  .replace("@SUBMISSIONS@", str(submissions)))
        (folder / "ch01_tiny" / "arith.py").write_text(source)
    shadow = submissions / "shadow"
    shutil.copytree(kit / "chapters", shadow)
    passing_conftest = "import pytest\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_call(item):\n    yield\n"
    for path in (shadow / "conftest.py", shadow / "ch01_tiny" / "conftest.py"):
        path.write_text(passing_conftest)
    (shadow / "sitecustomize.py").write_text("import _pytest.python\n_pytest.python.Function.runtest = lambda self: None\n")
    (shadow / "ch01_tiny" / "pytest.py").write_text("raise SystemExit('shadowed pytest')\n")
    (shadow / "ch01_tiny" / "pytest.ini").write_text("[pytest]\naddopts = --co\n")
    (shadow / "kerakit").mkdir()
    (shadow / "kerakit" / "__init__.py").write_text("raise SystemExit('shadowed kerakit')\n")
    with zipfile.ZipFile(submissions / "zip_traversal.zip", "w") as zipped:
        zipped.writestr("ch01_tiny/arith.py", (kit / "solutions" / "ch01_tiny" / "arith.py").read_text())
        zipped.writestr("../../escaped.py", "print('escaped')\n")
    with zipfile.ZipFile(submissions / "zip_bomb.zip", "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("ch01_tiny/arith.py", b"#" + b" " * (80 * 2**20))
    (submissions / "empty").mkdir()
    shutil.copytree(kit / "solutions" / "ch01_tiny", submissions / "missing_chapter" / "ch01_tiny")
    not_utf8 = reference_copy(kit, submissions / "not_utf8")
    (not_utf8 / "ch01_tiny" / "arith.py").write_bytes(b"# caf\xe9\n" + (kit / "solutions" / "ch01_tiny" / "arith.py").read_bytes())


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Grade the adversarial class once in the student's process (`--in-process`, 2 workers, hidden graders); return (out, kit, seconds).

    The default, sealed grading, is proven on the same class further down (`sealed_class`).
    """
    base = tmp_path_factory.mktemp("class")
    kit = copy_kit(base / "kit")
    submissions, out = base / "submissions", base / "out"
    submissions.mkdir()
    build_class(kit, submissions, out)
    options = GradeOptions(submissions, out, None, 2, ADVERSARIAL / "hidden", limits=LIMITS, sealed=False,
                           progress_stream=io.StringIO())
    started = time.perf_counter()
    result = grade_class(options, kit)
    return {"out": out, "kit": kit, "base": base, "result": result, "progress": options.progress_stream.getvalue(),
            "seconds": time.perf_counter() - started}


def results_of(out: Path, student: str) -> dict[str, dict]:
    report = json.loads((out / "students" / student / "report.json").read_text())
    return {test["name"]: test for test in report["tests"]}


def reasons_of(out: Path, student: str) -> list[str]:
    return json.loads((out / "students" / student / "report.json").read_text())["reasons"]


# attack -> ({test: words its feedback must contain}, tests that must still pass)
EXPECTED = {
    "infinite_loop": ({"arith::test_double": "took too long", "arith::test_mean": "took longer than 2 s"},
                      ["text::test_shout", "words::test_count_words"]),
    "memory_bomb": ({"arith::test_double": "MemoryError"}, ["arith::test_mean", "text::test_shout"]),
    "fork_bomb": ({"arith::test_double": "processes is not allowed"}, ["arith::test_mean", "text::test_shout"]),
    "exit_at_import": ({"arith::test_double": "exit code 3", "arith::test_mean": "exit code 3"},
                       ["text::test_shout", "words::test_count_words"]),
    "sys_exit": ({"arith::test_double": "SystemExit"}, ["arith::test_mean", "text::test_shout"]),
    "output_flood": ({"arith::test_double": "too much output"}, ["arith::test_mean", "text::test_shout"]),
    "overwrite_files": ({"arith::test_double": "is not allowed", "arith::test_mean": "is not allowed"},
                        ["text::test_shout"]),
    "monkeypatch_pytest": ({"arith::test_double": "replaced _pytest", "arith::test_mean": "replaced _pytest"},
                           ["text::test_shout", "words::test_count_words"]),
    "monkeypatch_kerakit": ({"arith::test_double": "replaced kerakit", "arith::test_mean": "replaced kerakit"},
                            ["text::test_shout"]),
    "import_solutions": ({"arith::test_double": "solutions/ch01_tiny/arith.py is not allowed",
                          "arith::test_mean": "is not allowed"}, ["text::test_shout"]),
    "network_call": ({"arith::test_double": "network access is not allowed"}, ["arith::test_mean", "text::test_shout"]),
    "nan_model": ({"arith::test_mean": "NaN"}, ["arith::test_double", "text::test_shout"]),
    "kill_self": ({"arith::test_double": "SIGKILL"}, ["arith::test_mean", "text::test_shout"]),
    # Issue 15: pure Python around the in-process guard, and attacks on the run itself. The jail (a view of
    # the filesystem without the kit's solutions/, SUBMISSIONS, DIR or the graders) stops the first five.
    "dir_fd_read_solutions": ({"arith::test_double": "FileNotFoundError"}, ["arith::test_mean", "text::test_shout"]),
    "dir_fd_read_hidden_graders": ({"arith::test_double": "FileNotFoundError"}, ["arith::test_mean", "text::test_shout"]),
    "dir_fd_copy_classmate": ({"arith::test_double": "FileNotFoundError", "arith::test_mean": "FileNotFoundError"},
                              ["text::test_shout", "words::test_count_words"]),
    "dir_fd_delete_kit_files": ({"arith::test_double": "FileNotFoundError"}, ["arith::test_mean", "text::test_shout"]),
    "dir_fd_overwrite_reports": ({"arith::test_mean": "FileNotFoundError"}, ["arith::test_double", "text::test_shout"]),
    "fork_exec_survivor": ({}, ["arith::test_double", "arith::test_mean", "text::test_shout"]),
    "pidfd_kill_all": ({}, ["arith::test_double", "arith::test_mean", "text::test_shout"]),
    "disk_filler": ({"arith::test_double": "No space left on device"}, ["arith::test_mean", "text::test_shout"]),
    "forged_record_lines": ({}, ["arith::test_double", "arith::test_mean", "text::test_shout"]),
    "record_flood": ({"arith::test_double": "flood"}, ["arith::test_mean", "text::test_shout"]),
}


def find(tests: dict[str, dict], suffix: str) -> dict:
    [test] = [t for name, t in tests.items() if name.endswith(suffix)]
    return test


def test_every_attack_has_an_expectation():
    assert sorted(EXPECTED) == ATTACKS


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_loses_only_what_it_attacked_with_a_clear_reason(graded_class, attack):
    tests = results_of(graded_class["out"], attack)
    zeroed, still_passing = EXPECTED[attack]
    for suffix, words in zeroed.items():
        test = find(tests, suffix)
        assert test["points"] == 0, (attack, suffix, test)
        assert words in test["feedback"], (attack, suffix, test["feedback"])
        assert "\n" not in test["feedback"]
    for suffix in still_passing:
        test = find(tests, suffix)
        assert test["status"] == "passed" and test["points"] == test["max_points"], (attack, suffix, test)


def test_references_get_full_points_from_a_folder_and_a_zip_with_a_top_folder(graded_class):
    for student in ("good", "bob"):
        tests = results_of(graded_class["out"], student)
        assert list(tests) == TINY_TESTS
        assert all(t["status"] == "passed" for t in tests.values()), tests
        assert sum(t["points"] for t in tests.values()) == 6


def test_stubs_read_not_implemented(graded_class):
    tests = results_of(graded_class["out"], "stub")
    assert all(t["points"] == 0 for t in tests.values())
    assert "not implemented yet: double() in arith.py" in find(tests, "arith::test_double")["feedback"]


def test_conftest_sitecustomize_pytest_and_kerakit_in_a_submission_are_ignored(graded_class):
    tests = results_of(graded_class["out"], "shadow")
    assert all(t["points"] == 0 for t in tests.values()), tests
    assert "not implemented yet" in find(tests, "arith::test_double")["feedback"]


def test_attacks_on_files_change_nothing(graded_class):
    kit, out = graded_class["kit"], graded_class["out"]
    assert (kit / "graders" / "ch01_tiny" / "test_arith.py").read_text() == (
        ADVERSARIAL / "kit" / "graders" / "ch01_tiny" / "test_arith.py").read_text()
    good = json.loads((out / "students" / "good" / "results.json").read_text())
    assert good["score"] == 6.0
    assert "everyone" not in (out / "grades.csv").read_text()
    assert not list(graded_class["base"].rglob("escaped.py"))
    for folder in ("solutions", "chapters"):  # dir_fd_delete_kit_files
        assert (kit / folder / "ch01_tiny" / "text.py").read_text() == (ADVERSARIAL / "kit" / folder / "ch01_tiny" / "text.py").read_text()


def test_no_process_outlives_its_submission(graded_class):
    from kerakit.batch.sandbox import processes_of_uid

    survivors = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and b"kerakit-survivor-marker" in (entry / "cmdline").read_bytes():
                survivors.append(int(entry.name))
        except OSError:
            continue
    assert survivors == []  # fork_exec_survivor's sleeper died with its submission
    assert processes_of_uid(60100) == processes_of_uid(60101) == []


@pytest.mark.parametrize("student, words", [
    ("zip_traversal", "unsafe path '../../escaped.py'"),
    ("zip_bomb", "zip bomb"),
    ("empty", "no chapter folders found"),
    ("not_utf8", "not valid UTF-8"),
    ("missing_chapter", "missing from the submission: ch02_tiny"),
])
def test_bad_submissions_get_a_row_and_a_reason(graded_class, student, words):
    reasons = reasons_of(graded_class["out"], student)
    assert any(words in reason for reason in reasons), reasons
    rows = {row["student"]: row for row in csv.DictReader(open(graded_class["out"] / "grades.csv"))}
    assert words in rows[student]["problems"]


def test_bad_files_cost_only_their_exercises(graded_class):
    out = graded_class["out"]
    missing = results_of(out, "missing_chapter")
    assert find(missing, "words::test_count_words")["feedback"] == "ch02_tiny is missing from the submission"
    assert sum(t["points"] for t in missing.values()) == 5
    not_utf8 = results_of(out, "not_utf8")
    assert "arith.py is not valid UTF-8 (byte 0xe9 at offset 5)" in find(not_utf8, "arith::test_double")["feedback"]
    assert find(not_utf8, "text::test_shout")["points"] == 1


def test_grades_csv_has_a_row_per_student_and_a_column_per_exercise(graded_class):
    rows = list(csv.DictReader(open(graded_class["out"] / "grades.csv")))
    students = {row["student"] for row in rows}
    assert len(rows) == len(students) == len(ATTACKS) + 9
    assert "ch01 hidden_arith: double_secret_input" in rows[0]  # hidden tests count in the gradebook
    good = next(row for row in rows if row["student"] == "good")
    assert (good["total"], good["max"], good["ch01 arith: double"]) == ("6", "6", "2")


def test_summary_histogram_and_progress(graded_class):
    out = graded_class["out"]
    summary = (out / "summary.md").read_text()
    assert f"submissions graded: {len(ATTACKS) + 9}" in summary
    assert "| ch02 words: count_words | visible | 1 |" in summary and "pass rate" in summary
    assert (out / "histogram.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    progress = graded_class["progress"]
    assert f"{len(ATTACKS) + 9}/{len(ATTACKS) + 9} graded" in progress and "ETA" in progress


def test_hidden_tests_never_reach_students(graded_class):
    out = graded_class["out"]
    for folder in (out / "students").iterdir():
        for name in ("feedback.md", "results.json"):
            text = (folder / name).read_text()
            assert not any(secret in text for secret in SECRETS), (folder.name, name)
    results = json.loads((out / "students" / "infinite_loop" / "results.json").read_text())
    hidden = [t for t in results["tests"] if t["visibility"] == "hidden"]
    assert len(hidden) == 1 and hidden[0]["output"] == "" and hidden[0]["max_score"] == 1
    assert "1 hidden test gave 1 / 1 points" in (out / "students" / "good" / "feedback.md").read_text()


def test_results_json_follow_the_gradescope_schema(graded_class):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src" / "kerakit" / "grading" / "schemas" / "gradescope-results.schema.json").read_text())
    for folder in (graded_class["out"] / "students").iterdir():
        jsonschema.validate(json.loads((folder / "results.json").read_text()), schema)


def test_each_submission_graded_once(graded_class):
    ledger = [json.loads(line) for line in (graded_class["out"] / "graded.jsonl").read_text().splitlines()]
    names = [entry["student"] for entry in ledger]
    assert sorted(names) == sorted(set(names)) and len(names) == len(ATTACKS) + 9


def test_a_second_run_resumes_and_force_grades_again(graded_class):
    out, kit = graded_class["out"], graded_class["kit"]
    submissions = graded_class["base"] / "submissions"
    options = GradeOptions(submissions, out, None, 2, ADVERSARIAL / "hidden", limits=LIMITS,
                           progress_stream=io.StringIO())
    result = grade_class(options, kit)
    assert result.graded == [] and len(result.skipped) == len(ATTACKS) + 9
    small = graded_class["base"] / "small"
    reference_copy(kit, small / "carol")
    forced = grade_class(GradeOptions(small, graded_class["base"] / "small_out", force=True, limits=LIMITS,
                                      progress_stream=io.StringIO()), kit)
    again = grade_class(GradeOptions(small, graded_class["base"] / "small_out", force=True, limits=LIMITS,
                                     progress_stream=io.StringIO()), kit)
    assert forced.graded == again.graded == ["carol"]


def test_interrupted_run_resumes_without_grading_anything_twice(tmp_path):
    kit = copy_kit(tmp_path / "kit")
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    slow = "import time\n\n\ndef double(x):\n    time.sleep(0.7)\n    return 2 * x\n\n\ndef mean(values):\n    return sum(values) / len(values)\n"
    for number in range(6):
        folder = reference_copy(kit, submissions / f"student{number}")
        (folder / "ch01_tiny" / "arith.py").write_text(slow)
    command = [sys.executable, "-m", "kerakit.cli", "grade", str(submissions), "--out", str(out), "--workers", "1"]
    env = dict(os.environ, KERAKIT_ROOT=str(kit), PYTHONPATH=str(ROOT / "src"))
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ledger = out / "graded.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not ledger.exists() or len(ledger.read_text().splitlines()) < 2):
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = {json.loads(line)["student"]: json.loads(line)["run"] for line in ledger.read_text().splitlines()}
    assert 2 <= len(before) < 6, "the run was not interrupted halfway"
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    assert f"{len(before)} already graded" in second.stdout
    entries = [json.loads(line) for line in ledger.read_text().splitlines()]
    assert sorted(e["student"] for e in entries) == [f"student{n}" for n in range(6)]  # each once, none lost
    for student, run in before.items():
        assert json.loads((out / "students" / student / "report.json").read_text())["run"] == run
    rows = list(csv.DictReader(open(out / "grades.csv")))
    assert len(rows) == 6 and all(row["total"] == "5" for row in rows)


def test_ctrl_c_stops_with_one_line_and_keeps_what_was_graded(tmp_path):
    kit = copy_kit(tmp_path / "kit")
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    slow = "import time\n\n\ndef double(x):\n    time.sleep(1)\n    return 2 * x\n\n\ndef mean(values):\n    return 2.0\n"
    for number in range(4):
        (reference_copy(kit, submissions / f"student{number}") / "ch01_tiny" / "arith.py").write_text(slow)
    env = dict(os.environ, KERAKIT_ROOT=str(kit), PYTHONPATH=str(ROOT / "src"))
    # A suite started in the background by a non-interactive shell ignores SIGINT, and a child inherits that:
    # give the grading run Ctrl-C's default, as it has in a terminal.
    run = subprocess.Popen([sys.executable, "-m", "kerakit.cli", "grade", str(submissions), "--out", str(out),
                            "--workers", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "graded.jsonl").exists():
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "interrupted" in err and "Traceback" not in err, err[-2000:]
    assert len((out / "graded.jsonl").read_text().splitlines()) >= 1


def test_real_graders_grade_a_reference_copy_and_stubs(tmp_path):
    submissions = tmp_path / "submissions"
    shutil.copytree(ROOT / "solutions" / "ch02_tensors", submissions / "reference" / "chapters" / "ch02_tensors",
                    ignore=shutil.ignore_patterns("logs", "__pycache__"))
    shutil.copytree(ROOT / "chapters" / "ch02_tensors", submissions / "stubs" / "ch02_tensors")
    result = grade_class(GradeOptions(submissions, tmp_path / "out", ["ch02"], 2, progress_stream=io.StringIO()), ROOT)
    assert sorted(result.graded) == ["reference", "stubs"]
    rows = {row["student"]: row for row in csv.DictReader(open(tmp_path / "out" / "grades.csv"))}
    assert float(rows["reference"]["total"]) == float(rows["reference"]["max"]) > 10
    assert float(rows["stubs"]["total"]) == 0
    stub_tests = results_of(tmp_path / "out", "stubs")
    assert all(t["status"] == "not implemented" for t in stub_tests.values())


@pytest.mark.parametrize("sealed", [False, True])
def test_each_chapters_conftest_fixtures_stay_in_its_chapter(tmp_path, sealed):
    """Two chapters' conftests define a session fixture of one name: each chapter's graders get their own."""
    kit = copy_kit(tmp_path / "kit")
    for chapter, value in (("ch01_tiny", 2), ("ch02_tiny", 3)):
        (kit / "graders" / chapter / "conftest.py").write_text(
            f"import pytest\n\n\n@pytest.fixture(scope='session')\ndef factor():\n    return {value}\n")
        (kit / "graders" / chapter / "test_scope.py").write_text(
            f"import pytest\n\n\n@pytest.mark.points(1)\ndef test_factor(factor):\n    assert factor == {value}, factor\n")
    reference_copy(kit, tmp_path / "subs" / "good")
    grade_class(GradeOptions(tmp_path / "subs", tmp_path / "out", None, 1, limits=LIMITS, sealed=sealed,
                             progress_stream=io.StringIO()), kit)
    tests = results_of(tmp_path / "out", "good")
    assert find(tests, "ch01_tiny/scope::test_factor")["points"] == 1, tests
    assert find(tests, "ch02_tiny/scope::test_factor")["points"] == 1, tests


def test_sealed_and_in_process_grading_agree_on_real_graders(tmp_path):
    """Reference, stubs and wrong answers (a cheat among them) of ch02 and ch03 get the same verdicts both ways."""
    submissions = tmp_path / "submissions"
    chapters = ("ch02_tensors", "ch03_first_networks")
    for chapter in chapters:
        shutil.copytree(ROOT / "solutions" / chapter, submissions / "reference" / chapter, ignore=shutil.ignore_patterns("logs", "__pycache__"))
        shutil.copytree(ROOT / "chapters" / chapter, submissions / "stubs" / chapter)
        shutil.copytree(ROOT / "solutions" / chapter, submissions / "wrong" / chapter, ignore=shutil.ignore_patterns("logs", "__pycache__"))
    for chapter, module, wrong in (("ch02_tensors", "tensors", "add_in_place"), ("ch03_first_networks", "boston", "boston_k_fold_one_model"),
                                   ("ch03_first_networks", "imdb", "imdb_fit_override")):
        path = submissions / "wrong" / chapter / f"{module}.py"
        path.write_text(path.read_text() + "\n\n" + (ROOT / "tests" / "wrong" / chapter / f"{wrong}.py").read_text())
    verdicts = {}
    for sealed in (False, True):
        out = tmp_path / f"out_sealed_{sealed}"
        grade_class(GradeOptions(submissions, out, ["ch02", "ch03"], 2, sealed=sealed, progress_stream=io.StringIO()), ROOT)
        verdicts[sealed] = {student: {name: (t["status"], t["points"]) for name, t in results_of(out, student).items()}
                            for student in ("reference", "stubs", "wrong")}
    assert verdicts[True] == verdicts[False]
    reference, wrong = verdicts[True]["reference"], verdicts[True]["wrong"]
    assert all(status == "passed" for status, _ in reference.values())
    assert all(status == "not implemented" for status, _ in verdicts[True]["stubs"].values())
    assert sum(points for _, points in wrong.values()) < sum(points for _, points in reference.values())


def test_sealed_grading_reads_every_chapters_stubs_as_not_implemented(tmp_path):
    """Sealed (the default), every grader of every chapter reaches the stubs in the jailed student host and reads one clean line.

    The references of every chapter get full points sealed too: `python benchmarks/grade_memory.py` grades each
    chapter's reference both ways and prints the points (too slow for this suite: about 7 minutes).
    """
    chapters = sorted(p.name for p in (ROOT / "graders").iterdir() if p.is_dir() and p.name.startswith("ch"))
    for chapter in chapters:
        shutil.copytree(ROOT / "chapters" / chapter, tmp_path / "submissions" / "stubs" / chapter,
                        ignore=shutil.ignore_patterns("README.md"))
    grade_class(GradeOptions(tmp_path / "submissions", tmp_path / "out", chapters, 1, progress_stream=io.StringIO()), ROOT)
    stubs = results_of(tmp_path / "out", "stubs")
    assert {name.split("/")[0] for name in stubs} == set(chapters)
    wrong = {name: (t["status"], t["feedback"][:120]) for name, t in stubs.items()
             if t["points"] != 0 or t["status"] != "not implemented" or not t["feedback"].startswith("not implemented yet: ")}
    assert not wrong, wrong


# --- the steps on their own ----------------------------------------------------------------------------


def test_unpack_refuses_links_and_absolute_paths(tmp_path):
    link = zipfile.ZipInfo("ch01_tiny/arith.py")
    link.external_attr = 0o120777 << 16
    with zipfile.ZipFile(tmp_path / "link.zip", "w") as zipped:
        zipped.writestr(link, "/etc/passwd")
    with zipfile.ZipFile(tmp_path / "absolute.zip", "w") as zipped:
        zipped.writestr("/tmp/ch01_tiny/arith.py", "x = 1\n")
    for name, words in (("link.zip", "symbolic link"), ("absolute.zip", "unsafe path")):
        with pytest.raises(UnpackError, match=words):
            unpack(Submission(name, tmp_path / name), tmp_path / f"out-{name}")
    (tmp_path / "notzip.zip").write_text("hello")
    with pytest.raises(UnpackError, match="not a valid zip"):
        unpack(Submission("notzip", tmp_path / "notzip.zip"), tmp_path / "out-notzip")


def test_symlinks_in_a_folder_are_not_followed(tmp_path):
    secret = tmp_path / "secret.py"
    secret.write_text("SECRET = 1\n")
    folder = tmp_path / "alice" / "ch01_tiny"
    folder.mkdir(parents=True)
    (folder / "arith.py").symlink_to(secret)
    unpacked = unpack(Submission("alice", tmp_path / "alice"), tmp_path / "unpacked")
    workspace = build_workspace(unpacked, {"ch01_tiny": ["arith.py"]}, tmp_path / "workspace")
    assert workspace.copied == [] and workspace.missing_chapters == ["ch01_tiny"]


def test_two_entries_for_one_student_are_refused(tmp_path):
    (tmp_path / "alice").mkdir()
    zip_folder(tmp_path / "alice", tmp_path / "alice.zip")
    with pytest.raises(UnpackError, match="both student 'alice'"):
        list_submissions(tmp_path)


def test_outcomes_take_points_from_the_catalog_only():
    outcomes = Outcomes([CatalogTest("ch01_tiny/arith::test_double", 2.0), CatalogTest("ch01_tiny/text::test_shout", 1.0)])
    assert not outcomes.accept({"type": "result", "name": "ch01_tiny/forged::test_bonus", "status": "passed"})
    assert outcomes.accept({"type": "result", "name": "ch01_tiny/arith::test_double", "status": "failed",
                            "feedback": "wrong", "points": 100})
    assert not outcomes.accept({"type": "result", "name": "ch01_tiny/arith::test_double", "status": "passed"})
    assert outcomes.accept({"type": "result", "name": "ch01_tiny/text::test_shout", "status": "passed", "points": 50})
    report = outcomes.report("alice", 1.0, 1)
    assert [r.points for r in report.results] == [0.0, 1.0] and report.max_score == 3.0


def test_exit_descriptions_are_one_line():
    assert "CPU time" in describe_exit(None, signal.SIGXCPU, 60)
    assert "SIGKILL" in describe_exit(None, signal.SIGKILL, 60)
    assert "exit code 3" in describe_exit(3, None, 60)


def test_progress_line_shows_counts_and_eta():
    stream = io.StringIO()
    progress = Progress(4, stream)
    progress.advance("alice", False)
    progress.advance("bob", True)
    line = stream.getvalue().splitlines()[-1]
    assert "2/4 graded, 1 with problems" in line and "ETA" in line and "bob" in line


def test_gradescope_bundle_holds_the_kit_without_solutions(tmp_path):
    bundle = build_gradescope_bundle(ROOT, tmp_path / "autograder.zip", ["ch03_first_networks"], ADVERSARIAL / "hidden")
    with zipfile.ZipFile(bundle) as zipped:
        names = zipped.namelist()
        run_autograder = zipped.read("run_autograder").decode()
        mode = zipped.getinfo("run_autograder").external_attr >> 16
    assert {"setup.sh", "run_autograder", "pyproject.toml", "src/kerakit/cli.py",
            "graders/ch03_first_networks/test_imdb.py", "chapters/ch03_first_networks/imdb.py",
            "hidden_graders/ch01_tiny/test_hidden_arith.py"} <= set(names)
    assert not any(name.startswith(("solutions/", "tests/")) or "__pycache__" in name for name in names)
    assert mode & 0o111
    assert "AUTOGRADER=${AUTOGRADER:-/autograder}" in run_autograder
    assert "$AUTOGRADER/results/results.json" in run_autograder and "$AUTOGRADER/submission" in run_autograder
    assert "--chapters ch03_first_networks --graders $AUTOGRADER/source/hidden_graders" in run_autograder


def test_the_gradescope_autograder_grades_an_upload(tmp_path):
    kit = copy_kit(tmp_path / "kit")
    bundle = build_gradescope_bundle(kit, tmp_path / "autograder.zip", None, ADVERSARIAL / "hidden")
    autograder = tmp_path / "autograder"
    with zipfile.ZipFile(bundle) as zipped:
        zipped.extractall(autograder / "source")
    assert not (autograder / "source" / "solutions").exists()
    upload = autograder / "submission"
    shutil.copytree(kit / "solutions" / "ch01_tiny", upload / "ch01_tiny")
    (upload / "words.py").write_text((kit / "solutions" / "ch02_tiny" / "words.py").read_text())  # a loose file
    env = dict(os.environ, AUTOGRADER=str(autograder), KERAKIT=f"{sys.executable} -m kerakit.cli",
               PYTHONPATH=str(ROOT / "src"))
    completed = subprocess.run(["bash", str(autograder / "source" / "run_autograder")], env=env,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    results = json.loads((autograder / "results" / "results.json").read_text())
    assert results["score"] == 6.0 and len(results["tests"]) == 5
    assert not any(secret in json.dumps(results) for secret in SECRETS)


def test_classroom_workflow_and_payload(tmp_path):
    workflow = write_classroom_workflow(tmp_path / ".github" / "workflows" / "classroom.yml", ["ch03_first_networks"])
    text = workflow.read_text()
    assert "kerakit grade" in text and "--chapters ch03_first_networks" in text
    assert "autograding-grading-reporter" in text and "KERAKIT_RESULTS" in text
    payload = classroom_result({"tests": [{"name": "a", "status": "passed", "score": 2, "max_score": 2, "output": ""},
                                          {"name": "b", "status": "failed", "score": 0, "max_score": 1, "output": "x"}]})
    assert payload["max_score"] == 3 and payload["status"] == "fail"
    assert [t["status"] for t in payload["tests"]] == ["pass", "fail"]


def test_grade_reports_bad_input_in_one_line(tmp_path, capsys):
    from kerakit.cli import main

    assert main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no such folder of submissions" in err and "Traceback" not in err


def test_loose_module_files_are_found_without_their_chapter_folder(tmp_path):
    (tmp_path / "upload").mkdir()
    (tmp_path / "upload" / "text.py").write_text("def shout(word):\n    return word.upper() + '!'\n")
    workspace = build_workspace(tmp_path / "upload", {"ch01_tiny": ["arith.py", "text.py"], "ch02_tiny": ["words.py"]},
                                tmp_path / "workspace")
    assert workspace.copied == ["ch01_tiny/text.py"] and workspace.missing_chapters == ["ch02_tiny"]


def test_the_operating_system_layer_is_applied(graded_class):
    sandbox = json.loads((graded_class["out"] / "students" / "good" / "report.json").read_text())["sandbox"]
    assert {"RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_NPROC"} <= set(sandbox["limits"])
    if os.geteuid() == 0:
        assert sandbox["network_namespace"] is True


def test_the_jail_is_used_where_linux_allows_it_and_its_absence_is_one_line(graded_class, tmp_path, monkeypatch, capsys):
    from kerakit.batch import pipeline
    from kerakit.batch.jail import jail_available

    sandbox = json.loads((graded_class["out"] / "students" / "good" / "report.json").read_text())["sandbox"]
    available = jail_available(tmp_path / "view")
    assert sandbox["view"] is (available == ""), (sandbox, available)
    if sandbox["view"]:
        assert sandbox["disk_mb"] == LIMITS.disk_mb and sandbox["missing"] == ""
    monkeypatch.setattr(pipeline, "jail_available", lambda root: "unshare was refused: Operation not permitted")
    (tmp_path / "subs").mkdir()
    reference_copy(graded_class["kit"], tmp_path / "subs" / "good")
    grade_class(GradeOptions(tmp_path / "subs", tmp_path / "out", None, 1, limits=LIMITS, progress_stream=io.StringIO()),
                graded_class["kit"])
    lines = [line for line in capsys.readouterr().err.splitlines() if "unshare was refused" in line]
    assert len(lines) == 1 and "sees the whole filesystem" in lines[0]
    assert sum(t["points"] for t in results_of(tmp_path / "out", "good").values()) == 5


def test_a_killed_runs_folder_is_private(tmp_path, monkeypatch):
    from kerakit.batch import leftovers

    monkeypatch.setattr(leftovers.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(leftovers.tempfile, "tempdir", str(tmp_path))
    run_dir = leftovers.make_run_dir()
    assert run_dir.parent == tmp_path and (run_dir.stat().st_mode & 0o777) == 0o700  # merged hidden graders go in here


def test_a_folder_other_users_cannot_enter_is_found(tmp_path):
    from kerakit.batch.sandbox import unreadable_for_others

    private = tmp_path / "private"
    (private / "inside").mkdir(parents=True)
    os.chmod(private, 0o700)
    assert unreadable_for_others([private / "inside"]) in (private, *private.parents)
    found = unreadable_for_others([private / "inside"])
    os.chmod(private, 0o755)
    assert unreadable_for_others([private / "inside"]) != private
    assert found == private or unreadable_for_others([private / "inside"]) == found  # a 0700 parent, e.g. pytest's


def _worker_uids_available() -> bool:
    import tempfile

    from kerakit.batch.jail import jail_available
    from kerakit.batch.pipeline import _use_slot_uids

    if os.geteuid() != 0:
        return False
    probe = Path(tempfile.mkdtemp(prefix="kerakit-probe-"))
    jailed = jail_available(probe / "view") == ""
    shutil.rmtree(probe, ignore_errors=True)
    if jailed:
        return True  # in a jail the runtime is readable by the worker uids whatever the host's folders allow
    import contextlib

    with contextlib.redirect_stderr(io.StringIO()):
        return _use_slot_uids(GradeOptions(Path("."), Path(".")), ROOT)


@pytest.mark.skipif(not _worker_uids_available(), reason="needs root and a Python other users can read (per-worker uids)")
def test_the_operating_system_layer_holds_when_the_guard_is_bypassed():
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="kerakit-uid-test-"))  # pytest's own tmp folders are 0700
    os.chmod(tmp_path, 0o755)
    kit = copy_kit(tmp_path / "kit")
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    around_guard = {
        "cwrite": ("import ctypes, os\n_libc = ctypes.CDLL(None, use_errno=True)\n\n\ndef double(x):\n"
                   f"    fd = _libc.open(b'{out}/grades.csv', os.O_WRONLY | os.O_CREAT, 0o644)\n"
                   "    if fd < 0:\n        raise OSError(ctypes.get_errno(), 'open failed')\n    return 2 * x\n\n\n"
                   "def mean(values):\n    return sum(values) / len(values)\n"),
        "cfork": ("import ctypes\n_libc = ctypes.CDLL(None)\n\n\ndef double(x):\n    while True:\n        _libc.fork()\n\n\n"
                  "def mean(values):\n    return sum(values) / len(values)\n"),
    }
    for name, source in around_guard.items():
        (reference_copy(kit, submissions / name) / "ch01_tiny" / "arith.py").write_text(source)
    reference_copy(kit, submissions / "good")
    os.system(f"chmod -R a+rX {tmp_path}")
    limits = Limits(timeout=60, test_timeout=2, memory_mb=1536, max_procs=64)
    grade_class(GradeOptions(submissions, out, None, 2, limits=limits, progress_stream=io.StringIO()), kit)
    feedback = find(results_of(out, "cwrite"), "arith::test_double")["feedback"]
    assert "[Errno 13] open failed" in feedback or "[Errno 2] open failed" in feedback  # EACCES; ENOENT in a jail
    assert find(results_of(out, "cfork"), "arith::test_double")["points"] == 0
    assert find(results_of(out, "cfork"), "arith::test_mean")["points"] == 1
    assert sum(t["points"] for t in results_of(out, "good").values()) == 5
    from kerakit.batch.sandbox import processes_of_uid

    assert processes_of_uid(60100) == processes_of_uid(60101) == []
    shutil.rmtree(tmp_path, ignore_errors=True)


def _ordinary_user_python(base: Path) -> Path | None:
    """Return a Python under `base` that the user nobody can run, with this one's packages and kerakit; None if none can be made.

    Files are hard links (nothing is copied): what keeps other users out of this Python is a private folder
    above it (pyenv under a 0700 /root), not the files themselves.
    """
    import site
    import sysconfig

    python_home, packages = Path(sys.base_prefix), Path(site.getsitepackages()[0])
    base.mkdir(parents=True)
    copies = {"python": python_home, "packages": packages, "kerakit": ROOT / "src" / "kerakit"}
    for name, source in copies.items():
        if subprocess.run(["cp", "-al" if name != "kerakit" else "-a", str(source), str(base / name)], capture_output=True).returncode:
            return None
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    python = base / "python" / "bin" / version
    if subprocess.run([str(python), "-m", "venv", "--without-pip", str(base / "venv")], capture_output=True).returncode:
        return None
    venv_packages = base / "venv" / Path(sysconfig.get_path("purelib")).relative_to(sys.prefix)
    (venv_packages / "kit.pth").write_text(f"{base / 'packages'}\n{base}\n")
    os.system(f"chmod a+rx {base.parent} {base} {base / 'python'} {base / 'packages'}; chmod -R a+rX {base / 'venv'} {base / 'kerakit'}")
    probe = subprocess.run([str(base / "venv" / "bin" / "python"), "-I", "-c", "import kerakit.batch.pipeline, numpy"],
                           user=65534, group=65534, extra_groups=[], capture_output=True, cwd="/tmp")
    return base / "venv" / "bin" / "python" if probe.returncode == 0 else None


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_an_ordinary_user_grades_the_class_sealed_in_a_user_namespace_jail():
    """As the user nobody: the jail comes from a user namespace, and every attack still costs only what it attacked."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="kerakit-user-test-"))
    try:
        python = _ordinary_user_python(base / "runtime")
        if python is None:
            pytest.skip("no Python the user nobody can run could be made here")
        kit = copy_kit(base / "kit")
        submissions, out = base / "submissions", base / "out"
        submissions.mkdir()
        build_class(kit, submissions, out)
        for attack in VERDICT_ATTACKS:
            shutil.copytree(kit / "chapters", submissions / attack)
            shutil.copy(ADVERSARIAL / "attacks_on_verdicts" / f"{attack}.py", submissions / attack / "ch01_tiny" / "arith.py")
        hidden = base / "hidden"
        shutil.copytree(ADVERSARIAL / "hidden", hidden)
        os.system(f"chmod -R a+rwX {base / 'kit'} {submissions} {hidden} && chmod a+rwx {base}")
        env = {"PATH": "/usr/bin:/bin", "KERAKIT_ROOT": str(kit), "HOME": "/tmp", "TF_CPP_MIN_LOG_LEVEL": "3"}
        limits = ["--timeout", str(LIMITS.timeout), "--test-timeout", str(LIMITS.test_timeout), "--memory-mb", str(LIMITS.memory_mb),
                  "--cpu-seconds", str(LIMITS.cpu_seconds), "--max-procs", str(LIMITS.max_procs), "--disk-mb", str(LIMITS.disk_mb)]
        run = subprocess.run([str(python), "-m", "kerakit.cli", "grade", str(submissions), "--out", str(out), "--workers", "2",
                              "--graders", str(hidden), *limits], env=env, user=65534, group=65534, extra_groups=[],
                             capture_output=True, text=True, cwd="/tmp", timeout=600)
        assert run.returncode == 0, run.stderr[-3000:]
        sandbox = json.loads((out / "students" / "good" / "report.json").read_text())["sandbox"]
        if not sandbox["view"]:
            assert "refused" in run.stderr  # the one line saying what is missing
            pytest.skip(f"this kernel gives an ordinary user no namespaces: {sandbox['missing']}")
        assert sandbox["uid"] is None and sandbox["network_namespace"] is True
        assert sum(t["points"] for t in results_of(out, "good").values()) == 6
        for attack in ATTACKS:
            tests = results_of(out, attack)
            zeroed, still_passing = SEALED_EXPECTED.get(attack, EXPECTED[attack])
            for suffix in zeroed:
                assert find(tests, suffix)["points"] == 0, (attack, suffix, find(tests, suffix))
            for suffix in still_passing:
                test = find(tests, suffix)
                assert test["points"] == test["max_points"], (attack, suffix, test)
        for attack in VERDICT_ATTACKS:
            assert sum(t["points"] for t in results_of(out, attack).values()) == 0, attack
    finally:
        shutil.rmtree(base, ignore_errors=True)


class ScriptedSlot:
    """A Slot stand-in replaying, per try, a list of records and how the child ended."""

    def __init__(self, tries):
        self.tries = list(tries)
        self.jobs = []

    def run(self, job, on_record, watchdog):
        from kerakit.batch.runner import JobEnd

        self.jobs.append(job)
        records, code, signal_number = self.tries.pop(0)
        for record in records:
            on_record(record)
        return JobEnd(code, signal_number, None)


def test_a_crash_costs_the_running_test_and_the_rest_run_again():
    from kerakit.batch.runner import grade_in_slot

    names = ["ch01_tiny/arith::test_double", "ch01_tiny/arith::test_mean", "ch01_tiny/text::test_shout"]
    outcomes = Outcomes([CatalogTest(name, 1.0) for name in names])
    slot = ScriptedSlot([
        ([{"type": "start", "name": names[0]},
          {"type": "result", "name": names[2], "status": "passed"},  # forged: not the running test
          {"type": "result", "name": names[0], "status": "passed"},
          {"type": "start", "name": names[1]}], None, signal.SIGKILL),
        ([{"type": "start", "name": names[2]}, {"type": "result", "name": names[2], "status": "failed",
                                                  "feedback": "wrong"}, {"type": "done"}], 0, None),
    ])
    reasons = grade_in_slot(slot, {"kind": "grade"}, outcomes, LIMITS)
    assert [job["only"] for job in slot.jobs] == [names, [names[2]]]
    report = outcomes.report("alice", 1.0, 1)
    assert [(r.status, r.points) for r in report.results] == [("passed", 1.0), ("error", 0.0), ("failed", 0.0)]
    assert "SIGKILL" in report.results[1].feedback and reasons == [f"ch01 arith: mean: {report.results[1].feedback}"]


def test_a_child_that_never_settles_a_test_ends_the_loop():
    from kerakit.batch.runner import grade_in_slot

    outcomes = Outcomes([CatalogTest("ch01_tiny/arith::test_double", 1.0)])
    reasons = grade_in_slot(ScriptedSlot([([], 3, None)]), {"kind": "grade"}, outcomes, LIMITS)
    assert outcomes.remaining == [] and "exit code 3" in reasons[0]


# --- `kerakit grade` (sealed, the default): the graders run where student code never runs, so no attack can change a verdict ---

VERDICT_ATTACKS = sorted(p.stem for p in (ADVERSARIAL / "attacks_on_verdicts").glob("*.py"))
# Written into the student's own channel to the graders, forged or flooded lines are a broken answer: the test
# that ran them reads so, and the rest are graded with a new student process.
SEALED_EXPECTED = {
    # Patching pytest or kerakit in the student's process changes nothing the graders use: the functions the
    # patch was meant to cover up read "not implemented yet" (the in-process run zeroes them for tampering).
    "monkeypatch_pytest": ({"arith::test_double": "not implemented yet", "arith::test_mean": "not implemented yet"},
                           ["text::test_shout", "words::test_count_words"]),
    "monkeypatch_kerakit": ({"arith::test_double": "not implemented yet", "arith::test_mean": "not implemented yet"},
                            ["text::test_shout"]),
    "forged_record_lines": ({"arith::test_double": "not an answer"}, ["arith::test_mean", "text::test_shout"]),
    "record_flood": ({"arith::test_double": "not an answer"}, ["arith::test_mean", "text::test_shout"]),
}


@pytest.fixture(scope="module")
def sealed_class(tmp_path_factory):
    """Grade the adversarial class, plus the attacks on verdicts, as `kerakit grade` does by default: sealed (2 workers, hidden graders)."""
    base = tmp_path_factory.mktemp("sealed")
    kit = copy_kit(base / "kit")
    submissions, out = base / "submissions", base / "out"
    submissions.mkdir()
    build_class(kit, submissions, out)
    for attack in VERDICT_ATTACKS:
        folder = submissions / attack
        shutil.copytree(kit / "chapters", folder)
        shutil.copy(ADVERSARIAL / "attacks_on_verdicts" / f"{attack}.py", folder / "ch01_tiny" / "arith.py")
    options = GradeOptions(submissions, out, None, 2, ADVERSARIAL / "hidden", limits=LIMITS, progress_stream=io.StringIO())
    assert options.sealed
    grade_class(options, kit)
    return {"out": out, "kit": kit}


def test_kerakit_grade_is_sealed_unless_asked_otherwise():
    from kerakit.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["grade", "subs", "--out", "out"]).sealed is True
    assert parser.parse_args(["grade", "subs", "--out", "out", "--in-process"]).sealed is False


def test_references_full_and_stubs_zero(sealed_class):
    out = sealed_class["out"]
    for student in ("good", "bob"):
        tests = results_of(out, student)
        assert list(tests) == TINY_TESTS and sum(t["points"] for t in tests.values()) == 6, tests
    stub = results_of(out, "stub")
    assert all(t["points"] == 0 for t in stub.values())
    assert find(stub, "arith::test_double")["feedback"] == "not implemented yet: double() in arith.py: multiply by two"


@pytest.mark.parametrize("attack", VERDICT_ATTACKS)
def test_attacks_on_the_verdict_earn_nothing(sealed_class, attack):
    tests = results_of(sealed_class["out"], attack)
    for suffix in ("arith::test_double", "arith::test_mean", "hidden_arith::test_double_secret_input"):
        test = find(tests, suffix)
        assert test["points"] == 0 and test["feedback"] and "\n" not in test["feedback"], (attack, suffix, test)


@pytest.mark.parametrize("attack", ATTACKS)
def test_every_other_attack_still_costs_only_what_it_attacked(sealed_class, attack):
    tests = results_of(sealed_class["out"], attack)
    zeroed, still_passing = SEALED_EXPECTED.get(attack, EXPECTED[attack])
    for suffix, words in zeroed.items():
        test = find(tests, suffix)
        assert test["points"] == 0 and test["feedback"] and "\n" not in test["feedback"], (attack, suffix, test)
        if attack in SEALED_EXPECTED:
            assert words in test["feedback"], (attack, suffix, test["feedback"])
    for suffix in still_passing:
        test = find(tests, suffix)
        assert test["status"] == "passed" and test["points"] == test["max_points"], (attack, suffix, test)


def test_student_code_runs_in_its_own_process_and_jail(sealed_class):
    report = json.loads((sealed_class["out"] / "students" / "good" / "report.json").read_text())
    assert {"RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_NPROC"} <= set(report["sandbox"]["limits"])


def test_no_secret_and_no_kit_file_changes(sealed_class):
    out, kit = sealed_class["out"], sealed_class["kit"]
    for folder in (out / "students").iterdir():
        for name in ("feedback.md", "results.json"):  # what students see
            text = (folder / name).read_text()
            assert not any(secret in text for secret in SECRETS), (folder.name, name)
    for folder in ("solutions", "chapters", "graders"):
        for path in (ADVERSARIAL / "kit" / folder).rglob("*.py"):
            assert (kit / folder / path.relative_to(ADVERSARIAL / "kit" / folder)).read_text() == path.read_text()
    assert "everyone" not in (out / "grades.csv").read_text()


def test_a_lost_host_costs_one_test_and_the_rest_are_graded(sealed_class):
    tests = results_of(sealed_class["out"], "kill_self")
    assert "ended while running your code" in find(tests, "arith::test_double")["feedback"]
    assert find(tests, "text::test_shout")["points"] == 1
    assert reasons_of(sealed_class["out"], "kill_self") is not None
