"""Load the implementation under test: chapters/, solutions/ or a student's folder."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from kerakit.grading.errors import ExerciseMissing, SubmissionError

NAMED_IMPLEMENTATIONS = ("chapters", "solutions")


def resolve_implementation(spec: str, kit_root: Path) -> "Implementation":
    """Return the Implementation named by `--impl`: "chapters", "solutions" or a folder path.

    A student folder may be a copy of chapters/ (holding `ch03_first_networks/`, ...)
    or a folder that holds such a `chapters/` copy.
    """
    if spec in NAMED_IMPLEMENTATIONS:
        return Implementation(kit_root / spec, label=spec)
    folder = Path(spec).expanduser().resolve()
    if not folder.is_dir():
        raise SubmissionError(f"--impl {spec}: no such folder (expected chapters, solutions or a path)")
    if (folder / "chapters").is_dir() and not any(folder.glob("ch[0-9]*")):
        folder = folder / "chapters"
    return Implementation(folder, label=str(folder))


@dataclass
class Implementation:
    """A folder of chapter modules whose functions the graders exercise.

    Modules are imported once per session under a private package name, so two
    implementations (or a grader and a student module) never share sys.modules entries.
    """

    root: Path
    label: str
    _modules: dict[tuple[str, str], ModuleType | SubmissionError] = field(default_factory=dict)

    @property
    def package_name(self) -> str:
        digest = hashlib.sha1(str(self.root.resolve()).encode()).hexdigest()[:10]
        return f"kerakit_impl_{digest}"

    def module_path(self, chapter: str, module: str) -> Path:
        """Return the path of `chapter/module.py` inside this implementation."""
        return self.root / chapter / f"{module}.py"

    def display_path(self, chapter: str, module: str) -> str:
        """Return the module path as a student reads it (relative to the kit where possible)."""
        path = self.module_path(chapter, module)
        if self.label in NAMED_IMPLEMENTATIONS:
            return f"{self.label}/{chapter}/{module}.py"
        return str(path)

    def load_module(self, chapter: str, module: str) -> ModuleType:
        """Return the imported module, or raise SubmissionError with one readable line."""
        key = (chapter, module)
        if key not in self._modules:
            try:
                self._modules[key] = self._import(chapter, module)
            except SubmissionError as error:
                self._modules[key] = error
        loaded = self._modules[key]
        if isinstance(loaded, SubmissionError):
            raise loaded.with_traceback(None)  # a cached error must not grow its traceback on every raise
        return loaded

    def _import(self, chapter: str, module: str) -> ModuleType:
        path = self.module_path(chapter, module)
        shown = self.display_path(chapter, module)
        if not path.is_file():
            raise ExerciseMissing(f"{shown} not found: copy it from the kit's chapters/ folder")
        name = f"{self.package_name}.{chapter}.{module}"
        spec = importlib.util.spec_from_file_location(name, path)
        loaded = importlib.util.module_from_spec(spec)
        # Let a chapter module import its siblings (`from imdb import ...`) like a script would.
        chapter_dir = str(path.parent)
        already_imported = set(sys.modules)
        sys.path.insert(0, chapter_dir)
        try:
            spec.loader.exec_module(loaded)
        except SyntaxError as error:
            raise SubmissionError(
                f"{shown} line {error.lineno}: SyntaxError: {error.msg} (fix it and run again)"
            ) from None
        except (Exception, SystemExit) as error:  # a crash at import must not stop grading
            line = _last_line_in(error, path)
            raise SubmissionError(
                f"{shown}{line}: importing it raised {type(error).__name__}: {_first_line(error)}"
            ) from error
        finally:
            if chapter_dir in sys.path:
                sys.path.remove(chapter_dir)
            _forget_modules_from(path.parent, already_imported)
        return loaded


class StudentModule:
    """A student's module as graders see it: attribute access with readable errors."""

    def __init__(self, implementation: Implementation, chapter: str, module: str):
        self._implementation = implementation
        self._chapter = chapter
        self._module = module

    @property
    def path(self) -> str:
        """Return the module's path as shown to the student."""
        return self._implementation.display_path(self._chapter, self._module)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        loaded = self._implementation.load_module(self._chapter, self._module)
        try:
            return getattr(loaded, name)
        except AttributeError:
            raise ExerciseMissing(
                f"{self.path} has no `{name}`: keep the name and signature from the stub"
            ) from None


def _forget_modules_from(folder: Path, already_imported: set[str]) -> None:
    """Drop from sys.modules every module newly imported from `folder` (a chapter module's siblings).

    They were imported under their bare names (`helpers`); left there, the next
    implementation's `from helpers import ...` would get this one's module.
    """
    folder = folder.resolve()
    for name in [name for name in sys.modules if name not in already_imported]:
        file = getattr(sys.modules[name], "__file__", None)
        if file and Path(file).resolve().is_relative_to(folder):
            del sys.modules[name]


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "(no message)"


def _last_line_in(error: BaseException, path: Path) -> str:
    """Return " line N" for the deepest traceback frame inside `path`, or ""."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename) == path]
    return f" line {frames[-1].lineno}" if frames else ""
