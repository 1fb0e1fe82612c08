"""The `kerakit` command line: help, check, assign, solve, calibrate and datasets."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kerakit.cli import main
from kerakit.grading.thresholds import load_thresholds

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake_kit(tmp_path, monkeypatch):
    """Return a tiny kit (no TensorFlow) with one chapter, and make it the kit kerakit finds."""
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    chapter = "ch99_demo"
    for folder in ("solutions", "chapters"):
        (tmp_path / folder / chapter).mkdir(parents=True)
    (tmp_path / "solutions" / chapter / "demo.py").write_text(textwrap.dedent('''
        def double(x):
            """Return 2 * x."""
            # BEGIN SOLUTION
            return 2 * x
            # END SOLUTION
    '''))
    (tmp_path / "solutions" / chapter / "runs.py").write_text(textwrap.dedent('''
        import demo

        def run_double(log_dir):
            (log_dir / "result.txt").write_text(str(demo.double(21)))

        RUNS = {"double": run_double}
    '''))
    graders = tmp_path / "graders" / chapter
    graders.mkdir(parents=True)
    (graders / "test_demo.py").write_text(textwrap.dedent('''
        import pytest
        from kerakit.grading import HIGHER, student_module

        demo = student_module("ch99_demo", "demo")

        @pytest.mark.points(2)
        def test_double(demo, kerakit_seed, floors):
            """double doubles."""
            assert demo.double(kerakit_seed) == 2 * kerakit_seed
            floors.check("ch99_demo.score", 0.5 + (kerakit_seed % 7) / 100, "a made-up score", HIGHER)
    '''))
    monkeypatch.setenv("KERAKIT_ROOT", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("command", ["check", "assign", "solve", "calibrate", "datasets", "grade", "gradescope-bundle", "classroom"])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and f"kerakit {command}" in out


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "check" in capsys.readouterr().out


def test_calibrate_assign_check_and_solve_on_a_small_kit(fake_kit, capsys):
    assert main(["assign"]) == 0
    assert "raise NotImplementedError" in (fake_kit / "chapters" / "ch99_demo" / "demo.py").read_text()
    assert main(["assign", "--check"]) == 0

    assert main(["calibrate", "ch99", "--seeds", "1,2,3,4,5"]) == 0
    floor = load_thresholds(fake_kit / "graders" / "thresholds.toml")["ch99_demo.score"]
    assert floor.values == (0.51, 0.52, 0.53, 0.54, 0.55) and floor.seeds == (1, 2, 3, 4, 5)
    assert floor.floor < 0.51

    report = fake_kit / "report.json"
    assert main(["check", "ch99", "--impl", "solutions", "--json", str(report)]) == 0
    assert report.exists()
    assert main(["check", "ch99"]) == 1  # the stubs
    out = capsys.readouterr().out
    assert "not implemented yet: double() in demo.py" in out and "total" in out

    assert main(["solve", "ch99"]) == 0
    assert (fake_kit / "solutions" / "ch99_demo" / "logs" / "double" / "result.txt").read_text() == "42"
    assert main(["solve", "ch99", "--run", "nothing"]) == 2


def test_unknown_chapter_is_one_clear_line(fake_kit, capsys):
    assert main(["check", "ch42"]) == 2
    assert "unknown chapter 'ch42'" in capsys.readouterr().err


def test_datasets_lists_every_dataset_as_loading():
    completed = subprocess.run([sys.executable, "-m", "kerakit.cli", "datasets"], capture_output=True, text=True, cwd=ROOT)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    for name in ("mnist", "imdb", "reuters", "boston_housing", "shapes"):
        assert name in completed.stdout
    assert "FAILED" not in completed.stdout


def test_check_runs_as_a_process_and_prints_the_table():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    completed = subprocess.run([sys.executable, "-m", "kerakit.cli", "check", "ch03", "--impl", "solutions", "-k", "vectorize or smooth"],
                               capture_output=True, text=True, cwd=ROOT, env=env)
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    assert "kerakit points" in completed.stdout and "5/5" in completed.stdout
