"""Write the students' chapters/ from the reference solutions/ by stripping marked answers.

In a solutions module, an answer sits between two comment lines:

    # BEGIN SOLUTION
    ...reference code...
    # END SOLUTION

`kerakit assign` replaces each such region with `raise NotImplementedError(...)` at the
marker's indentation; text after `# BEGIN SOLUTION` becomes the exception's message, so
`# BEGIN SOLUTION: start from np.zeros` gives a stub that says where to start.
Docstrings and hint comments outside the markers are kept.
"""

from __future__ import annotations

import filecmp
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

BEGIN = re.compile(r"^(?P<indent>[ \t]*)# BEGIN SOLUTION\b:?[ \t]*(?P<hint>.*?)\s*$")
END = re.compile(r"^[ \t]*# END SOLUTION\b")
SKIPPED_NAMES = {"__pycache__", "logs", ".ipynb_checkpoints"}
DEFAULT_MESSAGE = "not implemented yet"


class AssignError(ValueError):
    """A solutions file has unbalanced or nested solution markers."""


def strip_solutions(text: str, filename: str = "<text>") -> str:
    """Return `text` with every marked solution region replaced by a NotImplementedError stub.

    Raises:
        AssignError: naming the file and line of an unbalanced or nested marker.
    """
    output: list[str] = []
    open_at: int | None = None
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        begin = BEGIN.match(line)
        if begin:
            if open_at is not None:
                raise AssignError(f"{filename}:{number}: '# BEGIN SOLUTION' inside the region opened at line {open_at}")
            open_at = number
            message = (begin["hint"] or DEFAULT_MESSAGE).replace("\\", "\\\\").replace('"', '\\"')
            output.append(f'{begin["indent"]}raise NotImplementedError("{message}")\n')
        elif END.match(line):
            if open_at is None:
                raise AssignError(f"{filename}:{number}: '# END SOLUTION' without a '# BEGIN SOLUTION' before it")
            open_at = None
        elif open_at is None:
            output.append(line)
    if open_at is not None:
        raise AssignError(f"{filename}:{open_at}: '# BEGIN SOLUTION' is never closed by '# END SOLUTION'")
    return "".join(output)


@dataclass(frozen=True)
class Drift:
    """One difference between chapters/ and what `assign` would write."""

    path: str
    what: str  # "missing", "differs" or "extra"

    def __str__(self) -> str:
        return f"{self.what}: {self.path}"


def planned_files(solutions: Path) -> dict[Path, str | Path]:
    """Return relative path -> stub text (for .py files) or the source file to copy verbatim."""
    plan: dict[Path, str | Path] = {}
    for source in sorted(solutions.rglob("*")):
        relative = source.relative_to(solutions)
        if source.is_dir() or any(part in SKIPPED_NAMES for part in relative.parts) or source.suffix == ".pyc":
            continue
        if source.suffix == ".py":
            plan[relative] = strip_solutions(source.read_text(encoding="utf-8"), str(source))
        elif _is_sheet(solutions, relative):
            plan[relative] = current_sheet(solutions, relative)
        else:
            plan[relative] = source
    return plan


def assign(solutions: Path, chapters: Path) -> list[Path]:
    """Write chapters/ from solutions/ and return the relative paths written or removed.

    Files in chapters/ that solutions/ no longer has are removed (logs/ and caches are kept).
    """
    for sheet in stale_sheets(solutions):  # the sheet's points table, regenerated from the graders
        (solutions / sheet).write_text(current_sheet(solutions, sheet), encoding="utf-8")
    plan = planned_files(solutions)
    changed = []
    for drift in check(solutions, chapters, plan):
        target = chapters / drift.path
        if drift.what == "extra":
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            content = plan[Path(drift.path)]
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            else:
                target.write_text(content, encoding="utf-8")
        changed.append(Path(drift.path))
    return changed


def check(solutions: Path, chapters: Path, plan: dict[Path, str | Path] | None = None) -> list[Drift]:
    """Return how the committed chapters/ differ from what `assign` would write (empty: none)."""
    plan = planned_files(solutions) if plan is None else plan
    drift = [Drift(f"{solutions.name}/{sheet}", "stale grading table in") for sheet in stale_sheets(solutions)]
    for relative, content in plan.items():
        target = chapters / relative
        if not target.is_file():
            drift.append(Drift(str(relative), "missing"))
        elif isinstance(content, Path):
            if not filecmp.cmp(content, target, shallow=False):
                drift.append(Drift(str(relative), "differs"))
        elif target.read_text(encoding="utf-8") != content:
            drift.append(Drift(str(relative), "differs"))
    if chapters.is_dir():
        for existing in sorted(chapters.rglob("*")):
            relative = existing.relative_to(chapters)
            if existing.is_file() and relative not in plan and not any(p in SKIPPED_NAMES for p in relative.parts) and existing.suffix != ".pyc":
                drift.append(Drift(str(relative), "extra"))
    return drift


def _is_sheet(solutions: Path, relative: Path) -> bool:
    """Return True for a chapter's exercise sheet (`<chapter>/README.md`) whose chapter has graders."""
    return relative.name == "README.md" and len(relative.parts) == 2 and (solutions.parent / "graders" / relative.parts[0]).is_dir()


def current_sheet(solutions: Path, relative: Path) -> str:
    """Return the sheet's text with its points-and-budgets table generated from the chapter's graders."""
    from kerakit.sheets import with_grading_table

    return with_grading_table((solutions / relative).read_text(encoding="utf-8"), solutions.parent / "graders" / relative.parts[0])


def stale_sheets(solutions: Path) -> list[Path]:
    """Return the sheets in solutions/ whose generated table no longer matches their graders."""
    return [relative for relative in (Path(p.parent.name) / p.name for p in sorted(solutions.glob("*/README.md")))
            if _is_sheet(solutions, relative) and (solutions / relative).read_text(encoding="utf-8") != current_sheet(solutions, relative)]
