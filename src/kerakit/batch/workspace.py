"""Build a submission's workspace: only the exercise modules the instructor's chapters/ define."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SEARCH_DEPTH = 4  # how deep inside a submission a chapter folder may sit (alice/chapters/ch03_x/...)


@dataclass
class Workspace:
    """The folder the student's code is imported from, and what went into it."""

    root: Path  # holds chNN_topic/module.py, nothing else
    copied: list[str] = field(default_factory=list)  # "ch03_first_networks/imdb.py"
    missing_chapters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, e.g. a file that is not UTF-8


def exercise_modules(chapters_folder: Path, chapters: list[str]) -> dict[str, list[str]]:
    """Return {chapter: [module file names]} of the instructor's chapters/ for the chapters graded.

    Only these names are ever taken from a submission, so a student cannot add a
    conftest.py, a sitecustomize.py, a pytest.ini or a package that shadows another.
    """
    modules = {}
    for chapter in chapters:
        folder = chapters_folder / chapter
        modules[chapter] = sorted(p.name for p in folder.glob("*.py") if p.is_file()) if folder.is_dir() else []
    return modules


def build_workspace(unpacked: Path, modules: dict[str, list[str]], root: Path) -> Workspace:
    """Return the Workspace at `root` with the submission's copies of the instructor's exercise modules.

    A module that is not valid UTF-8 is replaced by one line that raises an ImportError
    naming the file, so its exercises read that reason and the others are graded.
    """
    workspace = Workspace(root)
    root.mkdir(parents=True, exist_ok=True)
    for chapter, names in modules.items():
        source = find_chapter(unpacked, chapter) or find_loose_modules(unpacked, names)
        if source is None or not any((source / n).is_file() for n in names):
            workspace.missing_chapters.append(chapter)
            continue
        (root / chapter).mkdir(exist_ok=True)
        for name in names:
            path = source / name
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                reason = (f"{chapter}/{name} is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): "
                          "save it as UTF-8 and submit again")
                workspace.notes.append(reason)
                data = f"raise ImportError({reason!r})\n".encode()
            (root / chapter / name).write_bytes(data)
            workspace.copied.append(f"{chapter}/{name}")
    return workspace


def find_loose_modules(unpacked: Path, names: list[str]) -> Path | None:
    """Return the shallowest folder holding one of the chapter's module files without its chapter folder, or None.

    Gradescope hands over uploaded files as they are: `imdb.py` rather than
    `ch03_first_networks/imdb.py`.
    """
    level = [unpacked]
    for _ in range(2):
        for folder in level:
            if any((folder / name).is_file() and not (folder / name).is_symlink() for name in names):
                return folder
        level = [child for folder in level for child in sorted(folder.iterdir())
                 if child.is_dir() and not child.is_symlink()]
    return None


def find_chapter(unpacked: Path, chapter: str) -> Path | None:
    """Return the shallowest folder named `chapter` inside the submission, or None."""
    level = [unpacked]
    for _ in range(SEARCH_DEPTH + 1):
        for folder in level:
            candidate = folder / chapter
            if candidate.is_dir() and not candidate.is_symlink():
                return candidate
        level = [child for folder in level for child in sorted(folder.iterdir())
                 if child.is_dir() and not child.is_symlink()]
        if not level:
            return None
    return None
