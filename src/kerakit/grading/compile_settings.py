"""Read what a Keras model was compiled with, in one comparable form, and check it against an exercise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kerakit.grading.errors import GradingFailure

# Metric spellings Keras treats as the same metric.
METRIC_ALIASES = {"acc": "accuracy", "binary_accuracy": "accuracy", "categorical_accuracy": "accuracy",
                  "sparse_categorical_accuracy": "accuracy", "mean_absolute_error": "mae", "mean_squared_error": "mse"}
LOSS_ALIASES = {"mean_squared_error": "mse", "mean_absolute_error": "mae"}
# Metrics that only make sense for one kind of problem: a regression reporting accuracy is a mistake.
CLASSIFICATION_METRICS = {"accuracy", "auc", "precision", "recall"}
REGRESSION_METRICS = {"mae", "mse", "rmse", "root_mean_squared_error", "mean_absolute_percentage_error"}


@dataclass(frozen=True)
class CompileSettings:
    """The optimizer class name and learning rate, the loss name, whether it takes logits, and the metric names."""

    optimizer: str
    learning_rate: float | None
    loss: str
    metrics: tuple[str, ...]
    from_logits: bool = False


def read_compile_settings(model, compile_config: dict | None = None) -> CompileSettings:
    """Return the CompileSettings of a compiled Keras model (the harness calls this at the boundary).

    Losses and metrics are named in snake_case whether they were given as strings,
    functions or objects, so `"binary_crossentropy"`, `keras.losses.binary_crossentropy`
    and `keras.losses.BinaryCrossentropy()` all read "binary_crossentropy".
    """
    config = compile_config if compile_config is not None else (model.get_compile_config() or {})
    optimizer = type(model.optimizer).__name__
    learning_rate = getattr(model.optimizer, "learning_rate", None)
    try:
        learning_rate = float(learning_rate.numpy() if hasattr(learning_rate, "numpy") else learning_rate)
    except (TypeError, ValueError):
        learning_rate = None
    loss = config.get("loss")
    metrics = tuple(_name(m, METRIC_ALIASES) for m in _flatten(config.get("metrics")))
    return CompileSettings(optimizer, learning_rate, _name(loss, LOSS_ALIASES), metrics, _takes_logits(loss))


def assert_compiled_with(model, what: str, *, optimizer: str, loss: str, metric: str | None = None,
                         learning_rate: float | None = None) -> CompileSettings:
    """Return the model's CompileSettings, or raise GradingFailure naming the first setting that differs.

    Besides the settings named here, it fails a loss computed `from_logits=True` on a
    model whose last layer already applies sigmoid or softmax, and a metric that makes
    no sense for the loss (accuracy for a regression, MAE for a classifier).

    Args:
        model: the ModelRecord of the student's model.
        what: how feedback names it, e.g. "build_imdb_model()".
        optimizer: the optimizer class name, e.g. "RMSprop".
        loss: the loss in snake_case, e.g. "binary_crossentropy" ("mse" for mean squared error).
        metric: one metric that must be among the compiled ones, e.g. "accuracy" or "mae".
        learning_rate: the learning rate the exercise names, if it names one (checked to 1e-6 relative).

    Example:
        assert_compiled_with(imdb.build_imdb_model(), "build_imdb_model()", optimizer="RMSprop",
                             loss="binary_crossentropy", metric="accuracy")
    """
    settings = getattr(model, "compile", None)
    if not isinstance(settings, CompileSettings):
        raise GradingFailure(f"{what} is not compiled: call model.compile(optimizer=..., loss=..., metrics=[...])")
    if settings.optimizer != optimizer:
        raise GradingFailure(f"{what} should use the {optimizer.lower()} optimizer, got {settings.optimizer}")
    if settings.loss != loss:
        raise GradingFailure(f"{what} should use the {loss} loss, got {settings.loss}")
    last_activation = _last_activation(model)
    if settings.from_logits and last_activation in ("sigmoid", "softmax"):
        raise GradingFailure(f"{what} computes the loss from_logits=True, but its last layer already applies {last_activation}: "
                             "drop from_logits (or the activation)")
    if metric is not None and metric not in settings.metrics:
        raise GradingFailure(f"{what} should report the {metric} metric, got {list(settings.metrics)}")
    misfit = _misfit_metrics(settings)
    if misfit:
        raise GradingFailure(f"{what} reports {misfit[0]}, which does not fit the {settings.loss} loss "
                             f"({'a regression' if settings.loss in ('mse', 'mae') else 'a classifier'})")
    if learning_rate is not None and (settings.learning_rate is None
                                      or abs(settings.learning_rate - learning_rate) > 1e-6 * learning_rate):
        got = "none" if settings.learning_rate is None else _rate(settings.learning_rate)
        raise GradingFailure(f"{what} should use learning rate {_rate(learning_rate)}, got {got}")
    return settings


def losses_by_output(record) -> dict[str, str] | None:
    """Return output name -> loss name (snake_case, "mse" for mean squared error) of a multi-output model, or None.

    None when the model is not compiled with a dict of losses keyed by output name. A
    function of the student's own reads "function" (or "__lambda__"), never its code.

    Example:
        losses_by_output(record)   # {"age": "mse", "income": "categorical_crossentropy", "gender": "binary_crossentropy"}
    """
    losses = (getattr(record, "compile_config", None) or {}).get("loss")
    if not isinstance(losses, dict) or "class_name" in losses:
        return None
    return {str(name): _own_function(loss) or _name(loss, LOSS_ALIASES) for name, loss in losses.items()}


def loss_weights_by_output(record) -> dict[str, float] | None:
    """Return output name -> loss weight of a model compiled with a dict of loss_weights, or None."""
    weights = (getattr(record, "compile_config", None) or {}).get("loss_weights")
    if not isinstance(weights, dict):
        return None
    return {str(name): float(weight) for name, weight in weights.items()}


def _own_function(loss: Any) -> str | None:
    """Return "function" or "__lambda__" for a serialised function that is not one of Keras's own losses, else None."""
    if isinstance(loss, dict) and loss.get("class_name") in ("function", "__lambda__") and not str(loss.get("module", "")).startswith("keras"):
        return str(loss["class_name"])
    return None


def _misfit_metrics(settings: CompileSettings) -> list[str]:
    if settings.loss in ("mse", "mae"):
        return [m for m in settings.metrics if m in CLASSIFICATION_METRICS]
    if "crossentropy" in settings.loss:
        return [m for m in settings.metrics if m in REGRESSION_METRICS]
    return []


def _last_activation(model) -> str | None:
    layers = getattr(getattr(model, "summary", None), "layers", None) or ()
    for layer in reversed(layers):
        activation = layer.config.get("activation")
        if layer.class_name == "Activation" or activation not in (None, "linear"):
            return activation
        if layer.params > 0:
            return activation
    return None


def _takes_logits(loss: Any) -> bool:
    if isinstance(loss, dict):
        config = loss.get("config")
        return bool(isinstance(config, dict) and config.get("from_logits"))
    return bool(getattr(loss, "from_logits", False))


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


def _rate(value: float) -> str:
    """Return a learning rate as the book writes it: 1e-5, 0.001."""
    return f"{value:.3g}".replace("e-0", "e-")
