"""strip_solutions, assign and check: solutions/ -> chapters/."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kerakit.assign import AssignError, Drift, assign, check, strip_solutions
from kerakit.cli import main

KIT_ROOT = Path(__file__).resolve().parents[1]

SOLUTION = textwrap.dedent('''\
    """Chapter module docstring."""

    import numpy as np


    def vectorize_sequences(sequences, dimension=10000):
        """Multi-hot encode integer sequences into a (len(sequences), dimension) float32 array.

        Textbook: seeds 000 §2.1.
        """
        # Hint: one row per sequence, a 1.0 at every index it holds.
        # BEGIN SOLUTION
        results = np.zeros((len(sequences), dimension), dtype="float32")
        for i, sequence in enumerate(sequences):
            results[i, sequence] = 1.0
        return results
        # END SOLUTION


    class Model:
        def build(self):
            """Return the model."""
            if True:
                # BEGIN SOLUTION: start from keras.Sequential
                return 42
                # END SOLUTION
''')

STUB = textwrap.dedent('''\
    """Chapter module docstring."""

    import numpy as np


    def vectorize_sequences(sequences, dimension=10000):
        """Multi-hot encode integer sequences into a (len(sequences), dimension) float32 array.

        Textbook: seeds 000 §2.1.
        """
        # Hint: one row per sequence, a 1.0 at every index it holds.
        raise NotImplementedError("not implemented yet")


    class Model:
        def build(self):
            """Return the model."""
            if True:
                raise NotImplementedError("start from keras.Sequential")
''')


# --- strip_solutions ----------------------------------------------------------------------


def test_strip_keeps_docstrings_hints_and_indentation():
    assert strip_solutions(SOLUTION) == STUB


def test_stub_is_valid_python_that_raises_the_hint():
    namespace: dict = {}
    exec(compile(strip_solutions(SOLUTION), "stub.py", "exec"), namespace)
    with pytest.raises(NotImplementedError, match="start from keras.Sequential"):
        namespace["Model"]().build()
    with pytest.raises(NotImplementedError, match="not implemented yet"):
        namespace["vectorize_sequences"]([[1]])


def test_hint_quotes_and_backslashes_are_escaped():
    text = 'def f():\n    # BEGIN SOLUTION: use "np.where" and a \\ here\n    return 1\n    # END SOLUTION\n'
    stub = strip_solutions(text)
    assert stub == 'def f():\n    raise NotImplementedError("use \\"np.where\\" and a \\\\ here")\n'
    namespace: dict = {}
    exec(stub, namespace)
    with pytest.raises(NotImplementedError) as caught:
        namespace["f"]()
    assert str(caught.value) == 'use "np.where" and a \\ here'


def test_text_without_markers_is_unchanged():
    text = "x = 1\n# BEGIN SOLUTIONS is not a marker\n"
    assert strip_solutions(text) == text


@pytest.mark.parametrize(
    "text, line, what",
    [
        pytest.param("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", 2, "inside the region opened at line 1", id="nested"),
        pytest.param("x = 1\n# BEGIN SOLUTION\nx = 2\n", 2, "never closed", id="unclosed"),
        pytest.param("x = 1\n\n# END SOLUTION\n", 3, "without a '# BEGIN SOLUTION'", id="stray-end"),
    ],
)
def test_unbalanced_markers_name_file_and_line(text, line, what):
    with pytest.raises(AssignError) as caught:
        strip_solutions(text, "solutions/ch03_first_networks/imdb.py")
    message = str(caught.value)
    assert message.startswith(f"solutions/ch03_first_networks/imdb.py:{line}: ")
    assert what in message


# --- assign and check on a temporary kit ----------------------------------------------------


@pytest.fixture
def kit(tmp_path):
    """A tmp solutions/ tree and an empty chapters/ folder."""
    solutions = tmp_path / "solutions"
    chapter = solutions / "ch03_first_networks"
    (chapter / "logs" / "imdb" / "train").mkdir(parents=True)
    (chapter / "__pycache__").mkdir()
    (chapter / "imdb.py").write_text(SOLUTION, encoding="utf-8")
    (chapter / "README.md").write_text("# Chapter 3\n\n# BEGIN SOLUTION\nnot a marker in Markdown\n# END SOLUTION\n")
    (chapter / "logs" / "imdb" / "train" / "events.out.tfevents").write_bytes(b"\x00binary")
    (chapter / "__pycache__" / "imdb.cpython-312.pyc").write_bytes(b"\x00pyc")
    return solutions, tmp_path / "chapters"


def relative_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_assign_writes_stubs_and_copies_other_files(kit):
    solutions, chapters = kit
    written = assign(solutions, chapters)
    assert sorted(map(str, written)) == ["ch03_first_networks/README.md", "ch03_first_networks/imdb.py"]
    assert relative_files(chapters) == {"ch03_first_networks/README.md", "ch03_first_networks/imdb.py"}
    assert (chapters / "ch03_first_networks" / "imdb.py").read_text() == STUB
    assert (chapters / "ch03_first_networks" / "README.md").read_bytes() == (solutions / "ch03_first_networks" / "README.md").read_bytes()
    assert check(solutions, chapters) == []
    assert assign(solutions, chapters) == []  # nothing left to do


def test_assign_removes_extra_files_but_keeps_logs(kit):
    solutions, chapters = kit
    assign(solutions, chapters)
    extra = chapters / "ch03_first_networks" / "old_exercise.py"
    extra.write_text("x = 1\n")
    student_log = chapters / "ch03_first_networks" / "logs" / "mine.txt"
    student_log.parent.mkdir()
    student_log.write_text("a student's own run\n")
    assert assign(solutions, chapters) == [Path("ch03_first_networks/old_exercise.py")]
    assert not extra.exists()
    assert student_log.exists()


def test_check_reports_missing_differs_and_extra(kit):
    solutions, chapters = kit
    assert sorted(map(str, check(solutions, chapters))) == [
        "missing: ch03_first_networks/README.md",
        "missing: ch03_first_networks/imdb.py",
    ]
    assign(solutions, chapters)
    (chapters / "ch03_first_networks" / "imdb.py").write_text(SOLUTION)  # someone edited chapters/ by hand
    (chapters / "ch03_first_networks" / "README.md").write_text("# edited\n")
    (chapters / "ch03_first_networks" / "notes.txt").write_text("extra\n")
    drift = check(solutions, chapters)
    assert set(drift) == {
        Drift("ch03_first_networks/imdb.py", "differs"),
        Drift("ch03_first_networks/README.md", "differs"),
        Drift("ch03_first_networks/notes.txt", "extra"),
    }


def test_assign_reports_bad_markers_with_the_file(kit):
    solutions, chapters = kit
    broken = solutions / "ch03_first_networks" / "broken.py"
    broken.write_text("def f():\n    # BEGIN SOLUTION\n    return 1\n")
    with pytest.raises(AssignError, match=r"broken\.py:2: .*never closed"):
        assign(solutions, chapters)


# --- the real repository ------------------------------------------------------------------------


def test_committed_chapters_match_solutions(monkeypatch, capsys):
    """The committed chapters/ is exactly what `kerakit assign` writes from solutions/."""
    monkeypatch.setenv("KERAKIT_ROOT", str(KIT_ROOT))
    status = main(["assign", "--check"])
    output = capsys.readouterr()
    assert status == 0, f"chapters/ differ from solutions/ (run `kerakit assign`):\n{output.out}{output.err}"
