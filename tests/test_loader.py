"""resolve_implementation, Implementation.load_module and StudentModule."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from kerakit.grading.errors import ExerciseMissing, SubmissionError
from kerakit.grading.loader import Implementation, StudentModule, resolve_implementation

CHAPTER = "ch99_demo"


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


@pytest.fixture
def kit_root(tmp_path):
    root = tmp_path / "kit"
    write(root, f"chapters/{CHAPTER}/demo.py", "WHO = 'chapters'\n")
    write(root, f"solutions/{CHAPTER}/demo.py", "WHO = 'solutions'\n")
    return root


# --- resolve_implementation ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["chapters", "solutions"])
def test_named_implementations(kit_root, name):
    implementation = resolve_implementation(name, kit_root)
    assert implementation.root == kit_root / name
    assert implementation.label == name
    assert implementation.load_module(CHAPTER, "demo").WHO == name
    assert implementation.display_path(CHAPTER, "demo") == f"{name}/{CHAPTER}/demo.py"


def test_a_path_to_a_chapters_copy(kit_root, tmp_path):
    submission = tmp_path / "alice"
    write(submission, f"{CHAPTER}/demo.py", "WHO = 'alice'\n")
    implementation = resolve_implementation(str(submission), kit_root)
    assert implementation.root == submission.resolve()
    assert implementation.load_module(CHAPTER, "demo").WHO == "alice"
    assert implementation.display_path(CHAPTER, "demo") == str(submission.resolve() / CHAPTER / "demo.py")


def test_a_folder_holding_chapters(kit_root, tmp_path):
    submission = tmp_path / "bob"
    write(submission, f"chapters/{CHAPTER}/demo.py", "WHO = 'bob'\n")
    implementation = resolve_implementation(str(submission), kit_root)
    assert implementation.root == (submission / "chapters").resolve()
    assert implementation.load_module(CHAPTER, "demo").WHO == "bob"


def test_a_relative_path(kit_root, tmp_path, monkeypatch):
    write(tmp_path / "carol", f"{CHAPTER}/demo.py", "WHO = 'carol'\n")
    monkeypatch.chdir(tmp_path)
    assert resolve_implementation("carol", kit_root).load_module(CHAPTER, "demo").WHO == "carol"


def test_a_missing_folder(kit_root, tmp_path):
    with pytest.raises(SubmissionError, match=r"--impl .*nowhere: no such folder"):
        resolve_implementation(str(tmp_path / "nowhere"), kit_root)


# --- loading modules ------------------------------------------------------------------------------


def implementation_with(tmp_path, text: str, module: str = "demo") -> Implementation:
    root = tmp_path / "impl"
    write(root, f"{CHAPTER}/{module}.py", text)
    return Implementation(root, label=str(root))


def test_syntax_error_names_the_line(tmp_path):
    implementation = implementation_with(tmp_path, "x = 1\n\ndef f(:\n    pass\n")
    with pytest.raises(SubmissionError) as caught:
        implementation.load_module(CHAPTER, "demo")
    message = str(caught.value)
    assert "demo.py line 3: SyntaxError" in message
    assert "fix it and run again" in message


def test_exception_at_import_names_the_exception_and_line(tmp_path):
    implementation = implementation_with(tmp_path, "import math\n\nvalue = 1 / 0\n")
    with pytest.raises(SubmissionError) as caught:
        implementation.load_module(CHAPTER, "demo")
    assert "demo.py line 3: importing it raised ZeroDivisionError: division by zero" in str(caught.value)


def test_sys_exit_at_import_is_caught(tmp_path):
    implementation = implementation_with(tmp_path, "import sys\nsys.exit(3)\n")
    with pytest.raises(SubmissionError, match=r"importing it raised SystemExit: 3"):
        implementation.load_module(CHAPTER, "demo")


def test_a_crash_at_import_is_remembered(tmp_path):
    counter = tmp_path / "imports.txt"
    implementation = implementation_with(tmp_path, f"open({str(counter)!r}, 'a').write('x')\nraise RuntimeError('boom')\n")
    for _ in range(3):
        with pytest.raises(SubmissionError, match="RuntimeError: boom"):
            implementation.load_module(CHAPTER, "demo")
    assert counter.read_text() == "x"  # imported once, not once per test


def test_a_missing_module_file(tmp_path):
    implementation = implementation_with(tmp_path, "x = 1\n")
    with pytest.raises(ExerciseMissing, match=r"reuters\.py not found: copy it from the kit's chapters/ folder"):
        implementation.load_module(CHAPTER, "reuters")


def test_student_module_attribute_access(tmp_path):
    implementation = implementation_with(tmp_path, "def build_model():\n    return 'model'\n")
    student = StudentModule(implementation, CHAPTER, "demo")
    assert student.build_model() == "model"
    with pytest.raises(ExerciseMissing) as caught:
        student.vectorize_sequences
    assert "has no `vectorize_sequences`" in str(caught.value)
    assert "demo.py" in str(caught.value)
    assert not hasattr(student, "__wrapped__")  # dunder lookups stay plain AttributeErrors


def test_student_module_reports_a_missing_file_on_use(tmp_path):
    student = StudentModule(implementation_with(tmp_path, "x = 1\n"), CHAPTER, "boston")
    with pytest.raises(ExerciseMissing, match="boston.py not found"):
        student.build_model


def test_two_implementations_do_not_share_modules(tmp_path):
    first = implementation_with(tmp_path / "a", "STATE = []\nWHO = 'a'\n")
    second = implementation_with(tmp_path / "b", "STATE = []\nWHO = 'b'\n")
    module_a = first.load_module(CHAPTER, "demo")
    module_b = second.load_module(CHAPTER, "demo")
    assert module_a is not module_b
    assert (module_a.WHO, module_b.WHO) == ("a", "b")
    module_a.STATE.append(1)
    assert module_b.STATE == []
    assert first.package_name != second.package_name
    assert first.load_module(CHAPTER, "demo") is module_a


def test_sibling_imports_are_not_shared_between_implementations(tmp_path):
    """A chapter module may import its siblings; each implementation gets its own."""
    implementations = []
    for who in ("a", "b"):
        root = tmp_path / who
        write(root, f"{CHAPTER}/helpers.py", f"WHO = {who!r}\n")
        write(root, f"{CHAPTER}/demo.py", "from helpers import WHO\n")
        implementations.append(Implementation(root, label=who))
    before = set(sys.modules)
    first, second = (implementation.load_module(CHAPTER, "demo") for implementation in implementations)
    assert (first.WHO, second.WHO) == ("a", "b")
    assert "helpers" not in set(sys.modules) - before
