"""Fixtures for the kit's own tests: grade an implementation in-process and read its results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kerakit.grading.reports import ExerciseResult, read_kerakit_json

KIT_ROOT = Path(__file__).resolve().parents[1]
WRONG = KIT_ROOT / "tests" / "wrong"
ALTERNATIVE = KIT_ROOT / "tests" / "alternative"


class GradeRun:
    """The results of one grading run, by test function name."""

    def __init__(self, results: list[ExerciseResult], exit_code: int, output: str):
        self.by_test = {r.name.split("::", 1)[1]: r for r in results}
        assert len(self.by_test) == len(results), "two grader modules of one chapter share a test name"
        self.exit_code = exit_code
        self.output = output

    def __getitem__(self, test_name: str) -> ExerciseResult:
        return self.by_test[test_name]

    @property
    def score(self) -> float:
        return sum(r.points for r in self.by_test.values())

    @property
    def max_score(self) -> float:
        return sum(r.max_points for r in self.by_test.values())

    def lost(self, except_tests=()) -> dict[str, str]:
        """Return test name -> feedback for every test short of full points, leaving out `except_tests`."""
        return {name: r.feedback for name, r in self.by_test.items() if name not in except_tests and r.points != r.max_points}

    def assert_zero_cleanly(self) -> None:
        """Fail unless every test scored zero as "not implemented yet", without a traceback."""
        assert self.score == 0
        for name, result in self.by_test.items():
            assert result.status == "not implemented", (name, result.status, result.feedback)
            assert result.feedback.startswith("not implemented yet: "), result.feedback
            assert "Traceback" not in result.feedback + result.details


@pytest.fixture
def grade(tmp_path, capsys):
    """Return grade(chapter, impl, k=None, extra=()) -> GradeRun, grading in this process.

    `impl` is "solutions", "chapters" or a folder; TensorFlow stays imported between runs.
    """
    counter = iter(range(1000))

    def run(chapter: str, impl: str | Path, k: str | None = None, extra: tuple[str, ...] = ()) -> GradeRun:
        report = tmp_path / f"report{next(counter)}.json"
        args = [str(KIT_ROOT / "graders" / chapter), "--impl", str(impl), "--kerakit-json", str(report),
                "-c", str(KIT_ROOT / "pyproject.toml"), "--rootdir", str(KIT_ROOT), "-q", "-p", "no:cacheprovider",
                "--kerakit-no-table", *extra]
        if k:
            args += ["-k", k]
        capsys.readouterr()
        exit_code = int(pytest.main(args))
        output = capsys.readouterr().out
        assert report.exists(), f"grading wrote no report:\n{output[-3000:]}"
        return GradeRun(read_kerakit_json(report).results, exit_code, output)

    return run


@pytest.fixture
def submission(tmp_path):
    """Return make(chapter, overrides={module: path_of_replacement_functions}) -> folder.

    The folder is a copy of solutions/<chapter> in which each listed module gets the
    replacement file's source appended, so its definitions override the reference's:
    a student submission that is right except for the functions under test.
    """

    def make(chapter: str, overrides: dict[str, Path], name: str = "submission") -> Path:
        folder = tmp_path / name
        shutil.copytree(KIT_ROOT / "solutions" / chapter, folder / chapter,
                        ignore=shutil.ignore_patterns("logs", "__pycache__"))
        for module, replacement in overrides.items():
            target = folder / chapter / f"{module}.py"
            target.write_text(target.read_text() + "\n\n# --- replaced for this test ---\n" + Path(replacement).read_text())
        return folder

    return make
