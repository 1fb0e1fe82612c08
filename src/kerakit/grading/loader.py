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

import numpy as np

from kerakit.grading.boundary import to_plain
from kerakit.grading.errors import ExerciseMissing, GradingFailure, SubmissionError

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

    def module(self, chapter: str, module: str) -> "StudentModule":
        """Return the student's `chapter/module` as graders see it."""
        return StudentModule(self, chapter, module)

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
    """A student's module as graders see it: every value that comes back is plain data.

    Attribute access gives a `StudentFunction` for a function (its results pass
    `to_plain`) and the plain value of anything else; a missing name is one readable line.
    """

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
            value = getattr(loaded, name)
        except AttributeError:
            raise ExerciseMissing(
                f"{self.path} has no `{name}`: keep the name and signature from the stub"
            ) from None
        if callable(value):
            return StudentFunction(value, name)
        return to_plain(value, f"{name} in {self.path}")


@dataclass(frozen=True)
class StudentCall:
    """What one call of a student's function left behind, as plain data: its result and its arguments after the call."""

    result: Any
    arguments: tuple
    keywords: dict


class StudentFunction:
    """A student's function whose results come back as plain data.

    Arrays the grader passes in are copied first, so a function that changes its
    argument in place cannot change the grader's own copy (and the grader's
    expectation computed from it).
    """

    def __init__(self, function, name: str):
        self._function = function
        self.__name__ = name

    @property
    def defaults(self) -> dict:
        """Return parameter name -> default value of the function's signature, as plain data (no student code runs).

        Example:
            vgg16.build_vgg16_functional.defaults   # {"input_shape": (224, 224, 3), "num_classes": 1000}
        """
        import inspect

        try:
            parameters = inspect.signature(self._function).parameters.values()
        except (TypeError, ValueError):
            return {}
        return {p.name: to_plain(p.default, f"the default of {p.name} in {self.__name__}()")
                for p in parameters if p.default is not inspect.Parameter.empty}

    def __call__(self, *arguments, **keywords) -> Any:
        """Return the function's result on copies of the arguments, as plain data."""
        result = self._function(*(_copied(value) for value in arguments), **{key: _copied(value) for key, value in keywords.items()})
        return to_plain(result, f"{self.__name__}(...)")

    def returned_function(self, *arguments, **keywords) -> "StudentFunction":
        """Return the function this student function returns (a closure), wrapped so its results are plain data too.

        Raises:
            GradingFailure: what came back is not callable.

        Example:
            loss = custom_losses.activation_penalty.returned_function(0.5)
            values = loss(y_true, y_pred)          # an ndarray
        """
        result = self._function(*(_copied(value) for value in arguments), **{key: _copied(value) for key, value in keywords.items()})
        if not callable(result):
            raise GradingFailure(f"{self.__name__}(...) should return a function, got {to_plain_name(result)}")
        return StudentFunction(result, f"the function {self.__name__}(...) returns")

    def traced(self, *arguments) -> Any:
        """Return the function's result when Keras's `fit` would call it: inside tf.function, on float32 tensors.

        A loss written with NumPy works on the arrays of a plain call but fails here,
        as it does in `fit`; the failure is one line.
        """
        import tensorflow as tf

        tensors = [tf.constant(np.asarray(value, dtype="float32")) for value in arguments]
        try:
            result = tf.function(self._function, reduce_retracing=True)(*tensors)
        except Exception as error:
            text = str(error).strip().splitlines()
            raise GradingFailure(f"{self.__name__} fails on the symbolic tensors fit traces ({type(error).__name__}: "
                                 f"{text[0] if text else ''}): use keras.ops, not NumPy") from None
        return to_plain(result, f"{self.__name__}(...)")

    def call(self, *arguments, **keywords) -> StudentCall:
        """Return the StudentCall: the plain result and the plain arguments after the call (to see what it changed).

        Example:
            after = tensors.naive_relu.call(x).arguments[0]   # is x changed in place?
        """
        arguments = tuple(_copied(value) for value in arguments)
        keywords = {key: _copied(value) for key, value in keywords.items()}
        result = self._function(*arguments, **keywords)
        what = f"{self.__name__}(...)"
        return StudentCall(to_plain(result, what), tuple(_plain_or_none(value, what) for value in arguments),
                           {key: _plain_or_none(value, what) for key, value in keywords.items()})


def to_plain_name(value: Any) -> str:
    """Return how feedback names a value of an unexpected type."""
    return f"a {type(value).__name__}"


def _plain_or_none(value: Any, what: str) -> Any:
    """Return an argument after the call as plain data, or None for one that has no plain form (a grader's callable)."""
    try:
        return to_plain(value, what)
    except GradingFailure:
        return None


def _copied(value: Any) -> Any:
    """Return a copy of an array (or of a list/tuple/dict of arrays) the grader passes to student code; anything else as is."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if type(value) in (list, tuple):
        return type(value)(_copied(item) for item in value)
    if type(value) is dict:
        return {key: _copied(item) for key, item in value.items()}
    return value


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
