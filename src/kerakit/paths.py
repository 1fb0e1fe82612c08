"""Locate the kit's folders (chapters/, solutions/, graders/, datasets/)."""

from __future__ import annotations

import os
from pathlib import Path

KIT_FOLDERS = ("graders", "solutions", "chapters")


class KitRootNotFound(RuntimeError):
    """Raised when no folder holding the kit's graders can be found."""


def _looks_like_kit_root(folder: Path) -> bool:
    return (folder / "graders").is_dir() and (folder / "pyproject.toml").is_file()


def find_kit_root(start: Path | None = None) -> Path:
    """Return the kit's root folder: the one that holds graders/ and pyproject.toml.

    Looks at `$KERAKIT_ROOT`, then `start` (default: the working directory) and its
    parents, then the checkout this package was installed from (`pip install -e .`).
    """
    if os.environ.get("KERAKIT_ROOT"):
        root = Path(os.environ["KERAKIT_ROOT"]).resolve()
        if not _looks_like_kit_root(root):
            raise KitRootNotFound(f"KERAKIT_ROOT={root} has no graders/ folder and pyproject.toml")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _looks_like_kit_root(folder):
            return folder
    installed_from = Path(__file__).resolve().parents[2]
    if _looks_like_kit_root(installed_from):
        return installed_from
    raise KitRootNotFound(
        "cannot find the kerakit folder (with graders/ and pyproject.toml): "
        "run kerakit from inside your copy of the kit or set KERAKIT_ROOT"
    )


def chapter_names(root: Path, folder: str = "solutions") -> list[str]:
    """Return the sorted chapter folder names (`chNN_topic`) under `root/folder`."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and p.name.startswith("ch"))


def resolve_chapter(root: Path, name: str) -> str:
    """Return the full chapter folder name for `name` ("ch03", "3" or "ch03_first_networks")."""
    known = chapter_names(root, "graders")
    if name in known:
        return name
    prefix = name if name.startswith("ch") else f"ch{int(name):02d}" if name.isdigit() else name
    matches = [c for c in known if c == prefix or c.startswith(prefix + "_")]
    if len(matches) == 1:
        return matches[0]
    raise ValueError(f"unknown chapter {name!r}: expected one of {', '.join(known) or '(none)'}")
