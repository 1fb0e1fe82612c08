"""Convert what student code returns into plain data, the only thing graders ever hold.

Everything that comes back from a student's function passes `to_plain` once, in the
harness (`StudentModule`), before a grader touches it:

- numbers, strings, None and booleans of Python's own types;
- `np.ndarray` of exactly that type (copied; subclasses and duck-typed arrays are
  refused), NumPy scalars as Python numbers, TensorFlow/Keras tensors as ndarrays;
- lists, tuples, dicts and sets rebuilt as Python's own containers of plain data;
- a Keras model as a `ModelRecord` (summary, config, compile settings, weights),
  a Keras regulariser as a `RegularizerRecord`, a matplotlib Figure as a
  `FigureRecord`, a Keras History as its plain history dict, a generator as a
  `GeneratorRecord` of its first items.

No method of a student's object runs after conversion, so a student's `__eq__`,
`__array_function__`, `fit` or `predict` never takes part in a verdict. The records
are picklable data, so the student's side could run in another process.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any

from pathlib import PurePath

import numpy as np

from kerakit.grading.errors import GradingFailure

PLAIN_SCALARS = (type(None), bool, int, float, complex, str, bytes)
# Models above this size are recorded without their weight values (VGG16's 138M would
# double the memory of grading); their graders compare architectures only.
MAX_RECORDED_WEIGHTS = 20_000_000
KERAS_MODULES = ("keras.", "keras")


class NotPlainData(GradingFailure):
    """What student code returned cannot be turned into plain data."""


@dataclass(frozen=True)
class RegularizerRecord:
    """A Keras regulariser as data: its class, whether it is Keras's own, and its factors."""

    class_name: str
    module: str
    l1: float
    l2: float

    @property
    def is_keras(self) -> bool:
        """Return True when the regulariser is one of Keras's own classes (not a look-alike)."""
        return self.module.startswith(KERAS_MODULES)

    def penalty(self, weights: np.ndarray) -> float:
        """Return the penalty Keras's L1/L2 regularisers add for `weights`, computed by the grader."""
        weights = np.asarray(weights, dtype=np.float64)
        return float(self.l1 * np.abs(weights).sum() + self.l2 * np.square(weights).sum())


@dataclass(frozen=True)
class LineRecord:
    """One plotted series: its label, data and style."""

    label: str
    x: np.ndarray
    y: np.ndarray
    linestyle: str
    marker: str
    color: tuple


@dataclass(frozen=True)
class AxesRecord:
    """One matplotlib Axes: title, axis labels, legend texts and the plotted lines."""

    title: str
    xlabel: str
    ylabel: str
    legend: tuple[str, ...]
    lines: tuple[LineRecord, ...]


@dataclass(frozen=True)
class FigureRecord:
    """A matplotlib Figure as data: its axes, with the figure's own title."""

    suptitle: str
    axes: tuple[AxesRecord, ...]


@dataclass(frozen=True)
class DatasetRecord:
    """A tf.data.Dataset as data: the (x, y) batches of its first two passes (to see whether it reshuffles)."""

    passes: tuple[tuple[tuple[Any, ...], ...], ...]

@dataclass(frozen=True)
class GeneratorRecord:
    """A Python generator as data: the first items it yielded (at most GENERATOR_ITEMS; a generator may never end).

    Attributes:
        items: those items, each as plain data.
        exhausted: True when the generator ended before GENERATOR_ITEMS items.
    """

    items: tuple[Any, ...]
    exhausted: bool


GENERATOR_ITEMS = 24


@dataclass(frozen=True)
class ModelRecord:
    """A Keras model as data: what graders compare, rebuild and train.

    Attributes:
        summary: the layer-by-layer `ModelSummary`.
        config: the model's Keras serialisation (None for a subclassed model).
        compile_config: what `compile` was given (None when not compiled).
        compile: the `CompileSettings` read from the compiled model (None when not compiled).
        weights: the weight values, in `model.weights` order, with their names (empty
            above MAX_RECORDED_WEIGHTS parameters).
        class_name: the model's own class, e.g. "Sequential", "Functional".
        module: the module that class comes from.
    """

    summary: Any
    config: dict | None
    compile_config: dict | None
    compile: Any
    weights: tuple[tuple[str, np.ndarray], ...] = field(repr=False)
    weight_shapes: tuple[tuple[str, tuple], ...] = field(repr=False)
    class_name: str = ""
    module: str = ""
    optimizer_iterations: int = 0  # training steps the model's optimizer has taken

    @property
    def layers(self):
        """Return the summary's layers (InputLayer left out)."""
        return self.summary.layers

    @property
    def total_params(self) -> int:
        """Return the model's total parameter count."""
        return self.summary.total_params

    @property
    def trainable_params(self) -> int:
        """Return the number of trainable parameters."""
        return self.summary.trainable_params

def to_plain(value: Any, what: str, _depth: int = 0) -> Any:
    """Return `value` as plain data, or raise NotPlainData with one line naming what was found.

    Args:
        value: what student code returned.
        what: how feedback names it, e.g. "vectorize_sequences(...)".

    Example:
        to_plain((np.zeros(2), [1, 2.5]), "f()")  # -> (array([0., 0.]), [1, 2.5])
    """
    if _depth > 20:
        raise NotPlainData(f"{what} is nested more than 20 levels deep")
    kind = type(value)
    if kind in PLAIN_SCALARS:
        return value
    if kind is np.ndarray:
        if value.dtype.kind == "O":
            return np.array([to_plain(item, what, _depth + 1) for item in value.reshape(-1)], dtype=object).reshape(value.shape)
        return np.array(value, copy=True)
    if isinstance(value, np.ndarray):
        raise NotPlainData(f"{what} returned a {kind.__name__}, a subclass of numpy.ndarray: return a plain np.ndarray (np.asarray(...))")
    if isinstance(value, np.generic) and kind.__module__ == "numpy":
        return value.item()
    tensor = _tensor_as_array(value)
    if tensor is not None:
        return tensor
    if isinstance(value, (list, tuple, set, frozenset)):  # subclasses too, rebuilt as Python's own containers
        items = [to_plain(item, what, _depth + 1) for item in value]
        for base in (list, tuple, set, frozenset):
            if isinstance(value, base):
                return base(items)
    if isinstance(value, dict):
        return {to_plain(key, what, _depth + 1): to_plain(item, what, _depth + 1) for key, item in value.items()}
    if kind is range:
        return list(value)
    if isinstance(value, types.GeneratorType):
        return generator_record(value, what)
    if isinstance(value, PurePath) and kind.__module__ == "pathlib":
        return str(value)
    record = _keras_record(value, what)
    if record is not None:
        return record
    if _is_figure(value):
        return figure_record(value)
    raise NotPlainData(
        f"{what} returned a {kind.__name__} (from {kind.__module__}): expected plain data "
        "(numbers, strings, NumPy arrays, lists, tuples, dicts) or a Keras model"
    )


def generator_record(generator, what: str) -> GeneratorRecord:
    """Return the GeneratorRecord of a generator's first GENERATOR_ITEMS items (it is never drawn further)."""
    items = []
    for item in generator:
        items.append(to_plain(item, f"an item yielded by {what}"))
        if len(items) == GENERATOR_ITEMS:
            return GeneratorRecord(tuple(items), exhausted=False)
    return GeneratorRecord(tuple(items), exhausted=True)


def _tensor_as_array(value: Any) -> np.ndarray | None:
    """Return a TensorFlow or Keras tensor/variable of the backend's own type as an ndarray, else None."""
    module = type(value).__module__
    if not (module.startswith("tensorflow.") or module.startswith("keras.")):
        return None
    import keras

    if isinstance(value, keras.Variable) or type(value).__name__ in ("EagerTensor", "ResourceVariable", "Tensor"):
        try:
            return np.array(keras.ops.convert_to_numpy(value), copy=True)
        except Exception:  # a symbolic tensor has no value
            raise NotPlainData(f"a symbolic {type(value).__name__} has no values: return a computed array") from None
    return None


def _keras_record(value: Any, what: str) -> Any:
    """Return the record of a Keras model, layer, regulariser or History, or None for anything else."""
    import sys

    if "keras" not in sys.modules:
        return None
    import keras

    if isinstance(value, keras.Model):
        return model_record(value, what)
    if isinstance(value, keras.regularizers.Regularizer):
        config = _safe_config(value)
        return RegularizerRecord(type(value).__name__, type(value).__module__, float(config.get("l1", 0.0) or 0.0),
                                 float(config.get("l2", 0.0) or 0.0))
    if isinstance(value, keras.callbacks.History):
        return to_plain(dict(getattr(value, "history", {}) or {}), what)
    if type(value).__module__.startswith("tensorflow.") and hasattr(value, "element_spec"):  # a tf.data.Dataset
        return DatasetRecord(tuple(tuple(to_plain(tuple(batch) if isinstance(batch, (tuple, list)) else (batch,), what)
                                         for batch in value) for _ in range(2)))
    if isinstance(value, keras.layers.Layer):
        raise NotPlainData(f"{what} returned a single {type(value).__name__} layer: return a keras.Model "
                           "(keras.Sequential([...]) or keras.Model(inputs, outputs))")
    return None


def model_record(model, what: str = "the model") -> ModelRecord:
    """Return the ModelRecord of a built Keras model.

    Raises:
        NotPlainData: the model is not built (its shapes are unknown).
    """
    from kerakit.grading.compile_settings import read_compile_settings
    from kerakit.grading.model_summary import summarize_model

    summary = summarize_model(model, what)
    compiled = getattr(model, "compiled", False) and getattr(model, "optimizer", None) is not None
    compile_config = _compile_config(model) if compiled else None
    config = _model_config(model, compile_config)
    settings = read_compile_settings(model, compile_config) if compiled else None
    shapes = tuple((w.path, tuple(int(d) for d in w.shape)) for w in model.weights)
    weights = ()
    if summary.total_params <= MAX_RECORDED_WEIGHTS:
        import keras

        weights = tuple((w.path, np.array(keras.ops.convert_to_numpy(w), copy=True)) for w in model.weights)
    iterations = 0
    if compiled and getattr(model.optimizer, "iterations", None) is not None:
        import keras

        iterations = int(keras.ops.convert_to_numpy(model.optimizer.iterations))
    return ModelRecord(summary, config, compile_config, settings, weights, shapes, type(model).__name__, type(model).__module__,
                       iterations)


def _model_config(model, compile_config: dict | None) -> dict | None:
    """Return the model's Keras serialisation as plain data (None for a subclassed model without get_config).

    The compile settings are serialised separately (`_compile_config`), so a loss Keras
    cannot serialise (a functools.partial) does not cost the architecture.
    """
    import keras

    model.get_compile_config = lambda: None  # an instance attribute, removed below: Keras serialises compile settings otherwise
    try:
        config = plain_config(keras.saving.serialize_keras_object(model))
    except Exception:  # a subclassed model without get_config
        return None
    finally:
        del model.get_compile_config
    if compile_config is not None:
        config["compile_config"] = compile_config
    return config


def _compile_config(model) -> dict:
    """Return what `compile` was given as plain data; an argument Keras cannot serialise (a functools.partial) is named, not dropped."""
    import keras

    try:
        return plain_config(model.get_compile_config())
    except Exception:  # Keras serialises the whole compile config at once and gives up on the first odd object
        arguments = dict(getattr(getattr(model, "_compile_config", None), "config", {}) or {})
        return {key: plain_config(_serialised_or_named(value, keras)) for key, value in arguments.items()}


def _serialised_or_named(value: Any, keras) -> Any:
    """Return Keras's serialisation of a compile argument, or {"class_name": "function", "config": its name} where it has none."""
    if isinstance(value, dict):
        return {key: _serialised_or_named(item, keras) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_serialised_or_named(item, keras) for item in value]
    try:
        return keras.saving.serialize_keras_object(value)
    except Exception:
        name = getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", None) or type(value).__name__
        return {"module": type(value).__module__, "class_name": "function", "config": str(name), "registered_name": "function"}


def plain_config(config: Any) -> Any:
    """Return a Keras config with every value plain (Keras configs hold only such values, checked here)."""
    if isinstance(config, dict):
        return {str(key): plain_config(value) for key, value in config.items()}
    if isinstance(config, (list, tuple)):
        return type(config)(plain_config(value) for value in config) if type(config) in (list, tuple) else list(map(plain_config, config))
    if type(config) in PLAIN_SCALARS:
        return config
    if isinstance(config, np.generic):
        return config.item()
    if isinstance(config, np.ndarray):
        return np.array(config, copy=True)
    return repr(config)  # e.g. a dtype policy object: shown, never executed


def _safe_config(value) -> dict:
    try:
        config = value.get_config()
    except Exception:
        return {}
    return config if isinstance(config, dict) else {}


def _is_figure(value: Any) -> bool:
    import sys

    if "matplotlib" not in sys.modules:
        return False
    from matplotlib.figure import Figure

    return type(value) is Figure


def figure_record(figure) -> FigureRecord:
    """Return the FigureRecord of a matplotlib Figure: titles, axis labels, legend and every line's data and style."""
    from matplotlib.colors import to_rgba

    axes = []
    for ax in figure.axes:
        legend = ax.get_legend()
        lines = tuple(
            LineRecord(str(line.get_label()), np.asarray(line.get_xdata(), dtype=float).copy(),
                       np.asarray(line.get_ydata(), dtype=float).copy(), str(line.get_linestyle()),
                       str(line.get_marker()), tuple(float(c) for c in to_rgba(line.get_color())))
            for line in ax.get_lines()
        )
        axes.append(AxesRecord(ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
                               tuple(t.get_text() for t in legend.get_texts()) if legend else (), lines))
    suptitle = figure._suptitle.get_text() if getattr(figure, "_suptitle", None) is not None else ""
    import matplotlib.pyplot as plt

    plt.close(figure)  # recorded: the open figure would only hold memory
    return FigureRecord(suptitle, tuple(axes))
