"""Read what a Keras model was compiled with, in one comparable form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kerakit.grading.errors import GradingFailure

# Metric spellings Keras treats as the same metric.
METRIC_ALIASES = {"acc": "accuracy", "binary_accuracy": "accuracy", "categorical_accuracy": "accuracy",
                  "sparse_categorical_accuracy": "accuracy", "mean_absolute_error": "mae", "mean_squared_error": "mse"}
LOSS_ALIASES = {"mean_squared_error": "mse", "mean_absolute_error": "mae"}


@dataclass(frozen=True)
class CompileSettings:
    """The optimizer class name, learning rate, loss name and metric names of a compiled model."""

    optimizer: str
    learning_rate: float | None
    loss: str
    metrics: tuple[str, ...]


def compile_settings(model) -> CompileSettings:
    """Return the CompileSettings of a compiled Keras model.

    Losses and metrics are named in snake_case whether they were given as strings,
    functions or objects, so `"binary_crossentropy"`, `keras.losses.binary_crossentropy`
    and `keras.losses.BinaryCrossentropy()` all read "binary_crossentropy".

    Raises:
        GradingFailure: the model is not compiled.
    """
    if not getattr(model, "compiled", False) or getattr(model, "optimizer", None) is None:
        raise GradingFailure("the model is not compiled: call model.compile(optimizer=..., loss=..., metrics=[...])")
    config = model.get_compile_config() or {}
    optimizer = type(model.optimizer).__name__
    learning_rate = getattr(model.optimizer, "learning_rate", None)
    try:
        learning_rate = float(learning_rate.numpy() if hasattr(learning_rate, "numpy") else learning_rate)
    except (TypeError, ValueError):
        learning_rate = None
    loss = _name(config.get("loss"), LOSS_ALIASES)
    metrics = tuple(_name(m, METRIC_ALIASES) for m in _flatten(config.get("metrics")))
    return CompileSettings(optimizer, learning_rate, loss, metrics)


def _flatten(metrics: Any) -> list:
    if metrics is None:
        return []
    if isinstance(metrics, dict) and "class_name" not in metrics:  # per-output metrics
        return [m for value in metrics.values() for m in _flatten(value)]
    if isinstance(metrics, (list, tuple)):
        return [m for value in metrics for m in _flatten(value)]
    return [metrics]


def _name(value: Any, aliases: dict[str, str]) -> str:
    if value is None:
        return "none"
    if isinstance(value, dict):
        config = value.get("config")
        if isinstance(config, str):  # a plain function, serialised by name
            value = config
        elif isinstance(config, dict) and value.get("class_name") not in ("function", None):
            value = _snake(value["class_name"])
        else:
            value = str(config)
    elif not isinstance(value, str):
        value = getattr(value, "__name__", None) or _snake(type(value).__name__)
    value = value.lower()
    return aliases.get(value, value)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def assert_compiled_with(model, what: str, optimizer: str, loss: str, metric: str) -> CompileSettings:
    """Return the model's CompileSettings, or raise GradingFailure naming the first setting that differs.

    Args:
        model: the student's model.
        what: how to name it in feedback, e.g. "build_imdb_model()".
        optimizer: the optimizer class name, e.g. "RMSprop".
        loss: the loss in snake_case, e.g. "binary_crossentropy" ("mse" for mean squared error).
        metric: one metric that must be among the compiled ones, e.g. "accuracy" or "mae".
    """
    settings = compile_settings(model)
    if settings.optimizer != optimizer:
        raise GradingFailure(f"{what} should use the {optimizer.lower()} optimizer, got {settings.optimizer}")
    if settings.loss != loss:
        raise GradingFailure(f"{what} should use the {loss} loss, got {settings.loss}")
    if metric not in settings.metrics:
        raise GradingFailure(f"{what} should report the {metric} metric, got {list(settings.metrics)}")
    return settings
