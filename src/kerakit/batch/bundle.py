"""Platform exports: the Gradescope autograder zip and the GitHub Classroom workflow."""

from __future__ import annotations

import base64
import json
import sys
import zipfile
from importlib import resources
from pathlib import Path

BUNDLED_FOLDERS = ("src", "graders", "chapters", "datasets")  # never solutions/, tests/ or benchmarks/
BUNDLED_FILES = ("pyproject.toml", "README.md", "LICENSE")
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", "logs", ".egg-info"}
HIDDEN_FOLDER = "hidden_graders"


def template(name: str) -> str:
    """Return the text of a file in kerakit/batch/templates/."""
    return resources.files("kerakit.batch").joinpath("templates", name).read_text()


def grade_options(chapters: list[str] | None, hidden: str | None) -> str:
    """Return the `kerakit grade` options a platform script passes (chapters, hidden graders)."""
    options = []
    if chapters:
        options.append(f"--chapters {','.join(chapters)}")
    if hidden:
        options.append(f"--graders {hidden}")
    return " ".join(options)


def build_gradescope_bundle(kit_root: Path, out: Path, chapters: list[str] | None = None,
                            extra_graders: Path | None = None) -> Path:
    """Write the Gradescope autograder zip to `out` and return its path.

    It holds setup.sh and run_autograder at its root, and the kit (src, graders,
    chapters, datasets; never solutions/) plus the hidden graders, if any.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    hidden = f"$AUTOGRADER/source/{HIDDEN_FOLDER}" if extra_graders else None
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in (("setup.sh", template("setup.sh")),
                           ("run_autograder", template("run_autograder").replace(
                               "@GRADE_OPTIONS@", grade_options(chapters, hidden)))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o100755 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, text)
        for name in BUNDLED_FILES:
            if (kit_root / name).is_file():
                bundle.write(kit_root / name, name)
        for folder in BUNDLED_FOLDERS:
            _add_tree(bundle, kit_root / folder, folder)
        if extra_graders:
            if not Path(extra_graders).is_dir():
                raise ValueError(f"--graders {extra_graders}: no such folder")
            _add_tree(bundle, Path(extra_graders), HIDDEN_FOLDER)
    return out


def write_classroom_workflow(out: Path, chapters: list[str] | None = None) -> Path:
    """Write the GitHub Classroom workflow to `out` and return its path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(template("classroom.yml").replace("@GRADE_OPTIONS@", grade_options(chapters, None)))
    return out


def classroom_result(gradescope: dict) -> dict:
    """Return the autograding-grading-reporter payload (version 1) for a Gradescope results.json."""
    tests = [{"name": t["name"], "status": "pass" if t["status"] == "passed" else "fail",
              "score": t["score"], "max_score": t["max_score"], "message": t.get("output", "")}
             for t in gradescope.get("tests", [])]
    passed = all(t["status"] == "pass" for t in tests) and bool(tests)
    return {"version": 1, "status": "pass" if passed else "fail",
            "max_score": sum(t["max_score"] for t in tests), "tests": tests}


def _add_tree(bundle: zipfile.ZipFile, folder: Path, arcname: str) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not path.is_symlink() and not any(
                part in SKIPPED_PARTS or part.endswith(".egg-info") for part in relative.parts):
            bundle.write(path, f"{arcname}/{relative.as_posix()}")


def main(argv: list[str]) -> int:
    """`python -m kerakit.batch.bundle classroom-result RESULTS_JSON`: print `result=<base64 payload>`."""
    if len(argv) != 2 or argv[0] != "classroom-result":
        print("usage: python -m kerakit.batch.bundle classroom-result RESULTS_JSON", file=sys.stderr)
        return 2
    try:
        gradescope = json.loads(Path(argv[1]).read_text())
    except (OSError, ValueError) as error:
        print(f"cannot read {argv[1]}: {error}", file=sys.stderr)
        return 1
    payload = json.dumps(classroom_result(gradescope))
    print(f"result={base64.b64encode(payload.encode()).decode()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
