"""ruff (pyflakes and syntax errors) over the kit's own code, so CI's test run lints too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed (pip install -e '.[test]')")
def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "src", "graders", "solutions", "tests", "benchmarks"], cwd=KIT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
