"""Fixtures for the kit's own tests: grade an implementation in-process and read its results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kerakit.grading.reports import ExerciseResult, read_kerakit_json


def pytest_configure(config):
    """Print the 25 slowest tests at the end of the kit's own test run, so CI's log says where its time goes."""
    if config.option.durations is None:
        config.option.durations = 25

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

    def assert_caught(self, wrong_files) -> None:
        """Fail unless each wrong file loses all the points of its tests, with its words in the feedback and no traceback,
        and no other test loses anything (except the listed collateral tests that call the wrong function)."""
        losing = set()
        for wrong_file, _, losing_tests, words, *collateral in wrong_files:
            losing.update(*collateral)
            for name in losing_tests:
                result = self[name]
                assert result.points == 0, (wrong_file, name, result.feedback)
                assert result.status in ("failed", "error"), (wrong_file, name, result.status)
                assert "Traceback" not in result.feedback, (wrong_file, result.feedback)
            feedback = " ".join(self[name].feedback + self[name].details for name in losing_tests)
            assert words.lower() in feedback.lower(), (wrong_file, feedback)
            losing.update(losing_tests)
        assert not self.lost(except_tests=losing), f"a wrong function cost another exercise's points: {self.lost(except_tests=losing)}"

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



@pytest.fixture
def combined_submission(submission, tmp_path):
    """Return make(chapter, files, name, folder) -> a submission in which every listed module gets the listed files appended.

    `files` holds tuples whose first two items are (file under `folder`, module it patches), as the proofs' WAVES do.
    """
    def make(chapter: str, files, name: str, folder: Path) -> Path:
        by_module: dict[str, list[str]] = {}
        for file, module, *_ in files:
            by_module.setdefault(module, []).append((folder / file).read_text())
        overrides = {}
        for module, sources in by_module.items():
            combined = tmp_path / f"{name}_{module}.py"
            combined.write_text("\n\n".join(sources))
            overrides[module] = combined
        return submission(chapter, overrides, name=name)

    return make
