"""The kerakit pytest plugin, run on a tiny fake kit (no TensorFlow) in a pytest subprocess."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest

pytest_plugins = ["pytester"]

SCHEMAS = Path(__file__).resolve().parents[1] / "src" / "kerakit" / "grading" / "schemas"

GRADER_DEMO = '''
import pytest

from kerakit.grading import expect, student_module

demo = student_module("ch99_demo", "demo")


@pytest.mark.points(2)
def test_add(demo):
    """add() adds two numbers."""
    expect(demo.add(2, 3) == 5, f"add(2, 3) should be 5, got {demo.add(2, 3)}")


@pytest.mark.points(1)
def test_double(demo):
    """double() doubles."""
    assert demo.double(4) == 8


@pytest.mark.points(3)
@pytest.mark.visibility("hidden")
def test_edge_cases(demo):
    """Edge cases only the instructor sees."""
    hidden_source_marker = demo.add(-1, 1)  # HIDDEN-SOURCE-MARKER
    assert hidden_source_marker == 0
'''

GRADER_OTHER = '''
import pytest

from kerakit.grading import student_module

other = student_module("ch99_demo", "other")


@pytest.mark.points(1)
def test_triple(other):
    """triple() triples."""
    assert other.triple(2) == 6
'''

SOLUTION_DEMO = '''
def add(a, b):
    """Return a + b."""
    return a + b


def double(x):
    """Return 2 * x."""
    return 2 * x
'''

SOLUTION_OTHER = '''
def triple(x):
    """Return 3 * x."""
    return 3 * x
'''

STUB_DEMO = '''
def add(a, b):
    """Return a + b."""
    raise NotImplementedError("use the + operator")


def double(x):
    """Return 2 * x."""
    raise NotImplementedError("not implemented yet")
'''

STUB_OTHER = '''
def triple(x):
    """Return 3 * x."""
    raise NotImplementedError("not implemented yet")
'''


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())
    return path


@pytest.fixture
def kit(pytester: pytest.Pytester, monkeypatch) -> pytest.Pytester:
    """A fake kit: pyproject.toml, graders/ch99_demo/, solutions/ch99_demo/ and chapters/ch99_demo/."""
    monkeypatch.delenv("KERAKIT_ROOT", raising=False)
    root = pytester.path
    write(root, "pyproject.toml", '[project]\nname = "fake-kit"\n\n[tool.pytest.ini_options]\n')
    write(root, "graders/ch99_demo/test_demo.py", GRADER_DEMO)
    write(root, "graders/ch99_demo/test_other.py", GRADER_OTHER)
    write(root, "solutions/ch99_demo/demo.py", SOLUTION_DEMO)
    write(root, "solutions/ch99_demo/other.py", SOLUTION_OTHER)
    write(root, "chapters/ch99_demo/demo.py", STUB_DEMO)
    write(root, "chapters/ch99_demo/other.py", STUB_OTHER)
    return pytester


def submission(kit: pytest.Pytester, name: str, demo: str = SOLUTION_DEMO, other: str = SOLUTION_OTHER) -> str:
    """Write a student folder `name/ch99_demo/` and return its path for --impl."""
    write(kit.path, f"{name}/ch99_demo/demo.py", demo)
    write(kit.path, f"{name}/ch99_demo/other.py", other)
    return str(kit.path / name)


class Graded:
    """One subprocess grading run: its output and the kerakit JSON report, by test name."""

    def __init__(self, kit: pytest.Pytester, *args: str):
        self.json_path = kit.path / "report.json"
        self.json_path.unlink(missing_ok=True)
        self.run = kit.runpytest_subprocess("graders", "-p", "no:cacheprovider", "--kerakit-json", str(self.json_path),
                                            *args, timeout=60)
        self.output = self.run.stdout.str() + self.run.stderr.str()
        self.report = json.loads(self.json_path.read_text()) if self.json_path.exists() else None

    def __getitem__(self, test: str) -> dict:
        return next(t for t in self.report["tests"] if t["name"].endswith(f"::{test}"))

    @property
    def score(self) -> float:
        return self.report["score"]


EXTRAS = '''
import pytest


@pytest.mark.points(1)
def test_skipped_in_the_body():
    pytest.skip("needs a GPU")


@pytest.mark.points(1)
@pytest.mark.skip(reason="not this term")
def test_skipped_by_marker():
    pass


@pytest.fixture
def leaves_a_mess():
    yield
    raise RuntimeError("cleanup failed")  # HIDDEN-FIXTURE-MARKER


@pytest.mark.points(1)
@pytest.mark.visibility("hidden")
def test_hidden_with_failing_teardown(leaves_a_mess):
    assert 1 + 1 == 3  # HIDDEN-SOURCE-MARKER
'''


def test_solutions_table_total_and_skips(kit):
    write(kit.path, "graders/ch99_extras/test_extras.py", EXTRAS)
    graded = Graded(kit, "--impl", "solutions", "-v")
    assert graded.report["implementation"] == "solutions"
    assert "kerakit points" in graded.output
    table = graded.output.split("kerakit points", 1)[1]
    for name in ("demo: add", "demo: double", "demo: edge_cases", "other: triple", "extras: skipped_by_marker"):
        assert f"ch99 {name}" in table
    assert "2/2" in table and "3/3" in table
    total = next(line for line in table.splitlines() if line.startswith("total"))
    assert "7/10" in total and "graded solutions" in total
    assert all(graded[t]["status"] == "passed" for t in ("test_add", "test_double", "test_edge_cases", "test_triple"))

    # A skipped test earns no points, whether skipped by a marker or in its body.
    for test, reason in [("test_skipped_in_the_body", "needs a GPU"), ("test_skipped_by_marker", "not this term")]:
        assert graded[test]["status"] == "skipped"
        assert graded[test]["points"] == 0 and graded[test]["max_points"] == 1
        assert reason in graded[test]["feedback"]

    # A hidden test whose fixture also fails in teardown still shows no grader source, even with -v.
    assert graded["test_hidden_with_failing_teardown"]["status"] == "failed"
    assert "HIDDEN-SOURCE-MARKER" not in graded.output
    assert "HIDDEN-FIXTURE-MARKER" not in graded.output
    assert graded.score == 7


def test_chapters_by_default_stubs_read_not_implemented_and_reports_are_valid(kit):
    gradescope = kit.path / "out" / "results.json"
    graded = Graded(kit, "--gradescope", str(gradescope))
    assert graded.run.ret == 1
    assert graded.report["implementation"] == "chapters"
    assert graded.score == 0 and graded.report["max_score"] == 7

    # A stub reads "not implemented yet" and no traceback is printed.
    assert graded["test_add"]["status"] == "not implemented"
    assert graded["test_add"]["feedback"] == "not implemented yet: add() in demo.py: use the + operator"
    assert graded["test_double"]["feedback"] == "not implemented yet: double() in demo.py"
    assert "not implemented yet: add() in demo.py" in graded.output
    assert "Fill in the functions marked 'not implemented yet'" in graded.output
    assert "Traceback" not in graded.output
    assert "def " not in graded.output
    assert "raise NotImplementedError" not in graded.output

    # Both report files are written and follow their schemas.
    jsonschema.validate(graded.report, json.loads((SCHEMAS / "kerakit-report.schema.json").read_text()))
    results = json.loads(gradescope.read_text())
    jsonschema.validate(results, json.loads((SCHEMAS / "gradescope-results.schema.json").read_text()))
    assert len(results["tests"]) == 4
    hidden = next(t for t in results["tests"] if "edge_cases" in t["name"])
    assert hidden["visibility"] == "hidden"
    assert graded["test_add"]["title"] == "add() adds two numbers."
    assert graded["test_add"]["name"] == "ch99_demo/demo::test_add"


def test_verbose_shows_the_traceback_but_not_hidden_source(kit):
    graded = Graded(kit, "-v")
    assert "def test_add(demo):" in graded.output
    assert 'raise NotImplementedError("use the + operator")' in graded.output
    assert graded["test_edge_cases"]["status"] == "not implemented"
    assert "HIDDEN-SOURCE-MARKER" not in graded.output
    assert "hidden_source_marker" not in graded.output


@pytest.mark.parametrize("verbosity", [[], ["-vv", "--tb=long", "-rA"]], ids=["quiet", "very-verbose"])
def test_failing_hidden_tests_never_show_their_source(kit, verbosity):
    wrong = submission(kit, "wrong", demo=SOLUTION_DEMO.replace("return a + b", "return a + b + (a < 0)"))
    graded = Graded(kit, "--impl", wrong, *verbosity)
    hidden = graded["test_edge_cases"]
    assert hidden["status"] == "failed" and hidden["visibility"] == "hidden" and hidden["details"] == ""
    assert graded["test_add"]["status"] == "passed"
    assert "HIDDEN-SOURCE-MARKER" not in graded.output
    assert "hidden_source_marker" not in graded.output


def test_runaway_code_times_out_and_the_rest_still_runs(kit):
    looping = SOLUTION_DEMO.replace("return 2 * x", "while True:\n        x = x + 1")
    graded = Graded(kit, "--impl", submission(kit, "looping", demo=looping), "--kerakit-timeout", "1")
    assert graded["test_double"]["status"] == "timeout"
    assert graded["test_double"]["points"] == 0
    assert "took too long" in graded["test_double"]["feedback"]
    assert "timeout" in next(line for line in graded.output.splitlines() if "ch99 demo: double" in line)
    for passing in ("test_add", "test_edge_cases", "test_triple"):
        assert graded[passing]["status"] == "passed", graded.output
    assert graded.score == 6


def test_a_module_crashing_at_import_only_zeroes_its_own_tests(kit):
    crashing = "import sys\n\nVALUE = 1 / 0\n\ndef triple(x):\n    return 3 * x\n"
    graded = Graded(kit, "--impl", submission(kit, "crashing", other=crashing))
    triple = graded["test_triple"]
    assert triple["status"] == "error" and triple["points"] == 0
    assert "other.py line 3: importing it raised ZeroDivisionError" in triple["feedback"]
    assert all(graded[t]["status"] == "passed" for t in ("test_add", "test_double", "test_edge_cases"))
    assert graded.score == 6


def test_plugin_is_inert_for_ordinary_tests(pytester, monkeypatch):
    monkeypatch.delenv("KERAKIT_ROOT", raising=False)
    pytester.makepyfile(test_plain='''
        def test_one():
            assert 1 + 1 == 2

        def test_two():
            assert "a".upper() == "A"
    ''')
    report = pytester.path / "report.json"
    run = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--kerakit-json", str(report), timeout=60)
    run.assert_outcomes(passed=2)
    assert "kerakit points" not in run.stdout.str()
    assert not report.exists()
