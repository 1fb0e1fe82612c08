"""Train a student's model on the grader's data under the grader's budget, and measure it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

from kerakit.grading.errors import GradingFailure

_TERMINAL_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Budget:
    """How much training a grader allows: epochs and batch size, optionally fewer samples.

    Budgets are counted in data, never seconds, so a verdict does not depend on the machine.
    """

    epochs: int
    batch_size: int
    train_samples: int | None = None

    def describe(self) -> str:
        """Return the budget as text, e.g. "4 epochs x batch 512 on 3000 samples"."""
        samples = f" on {self.train_samples} samples" if self.train_samples else ""
        return f"{self.epochs} epoch{'' if self.epochs == 1 else 's'} x batch {self.batch_size}{samples}"


@dataclass
class TrainingResult:
    """What training measured: the per-epoch history, and the grader's own trained model."""

    history: dict[str, list[float]]
    model: Any = field(default=None, repr=False)

    def best(self, metric: str, lower_is_better: bool | None = None) -> float:
        """Return the best per-epoch value of `metric` (min for losses/errors, max otherwise)."""
        values = self.history[metric]
        if lower_is_better is None:
            lower_is_better = _lower_is_better(metric)
        return float(min(values) if lower_is_better else max(values))

    def best_epoch(self, metric: str = "val_loss", lower_is_better: bool | None = None) -> int:
        """Return the 1-based epoch at which `metric` was best."""
        values = np.asarray(self.history[metric])
        if lower_is_better is None:
            lower_is_better = _lower_is_better(metric)
        return int(np.argmin(values) if lower_is_better else np.argmax(values)) + 1

    def last(self, metric: str) -> float:
        """Return the value of `metric` after the last epoch."""
        return float(self.history[metric][-1])


def train_within_budget(
    model,
    train: tuple[Any, Any],
    budget: Budget,
    *,
    what: str = "the model",
    validation: tuple[Any, Any] | None = None,
    compile_with: Mapping[str, Any] | None = None,
    seed: int | None = None,
    inherited: Mapping[str, Any] | None = None,
    initial_weights: Sequence[Any] | None = None,
    unfreeze: Sequence[str] = (),
) -> TrainingResult:
    """Return the TrainingResult of training the model on the grader's data under `budget`, from fresh weights.

    A ModelRecord from student code is rebuilt first (`fresh_model`): same architecture
    and compile settings, the grader's own initialisation from `seed`, Keras's own
    `fit`. A grader's own keras.Model (a baseline) is trained as it is.

    Args:
        model: the ModelRecord of the student's model, or a grader's own keras.Model.
        train: (x, y) the grader's training data; the first `budget.train_samples` are used.
        budget: epochs, batch size and sample count.
        what: how feedback names the model, e.g. "build_imdb_model()".
        validation: optional (x, y) passed as validation_data.
        compile_with: keyword arguments for `compile`; leave out when the exercise
            is about compiling and the student's compile settings are kept.
        seed: the seed of the fresh weights and the shuffling (default: the session's).
        inherited: layer name -> the grader's own layer whose weights the rebuilt layer
            takes (weights the exercise gives, e.g. a pretrained base).
        initial_weights: start from these trainable weights where the shapes match (see
            `fresh_model`): for comparative claims against a baseline.

    Raises:
        GradingFailure: the model cannot be rebuilt, is not compiled, does not fit the
            data's shape, its loss becomes NaN, or training stops before the budget's epochs.

    Example:
        result = train_within_budget(imdb.build_imdb_model(), (x, y), Budget(epochs=4, batch_size=64))
        accuracy = accuracy_of(result.model, x_val, y_val)
    """
    import keras

    from kerakit.grading.rebuild import fresh_model
    from kerakit.grading.seeding import seed_everything

    if isinstance(model, keras.Model):  # the grader's own
        seed_everything(seed)
        if compile_with is not None:
            model.compile(**compile_with)
        elif getattr(model, "optimizer", None) is None:
            raise GradingFailure(f"{what} is not compiled: call model.compile(optimizer=..., loss=..., metrics=[...])")
    elif hasattr(model, "summary") and hasattr(model, "config"):
        model = fresh_model(model, what, seed=seed, compile_with=compile_with, inherited=inherited, initial_weights=initial_weights,
                            unfreeze=unfreeze)
    else:
        raise GradingFailure(f"{what}: expected a keras.Model to train, got {type(model).__name__}")
    x, y = train
    if budget.train_samples is not None:
        x, y = _first_samples(x, budget.train_samples), _first_samples(y, budget.train_samples)
    _check_output_fits_targets(model, y, what)
    try:
        fitted = keras.Model.fit(model, x, y, epochs=budget.epochs, batch_size=budget.batch_size, validation_data=validation,
                                 callbacks=[keras.callbacks.TerminateOnNaN()], verbose=0, shuffle=True)
    except (ValueError, TypeError) as error:
        raise GradingFailure(
            f"training {what} failed: it takes input of shape {_input_shape(model)}, "
            f"the data is {_shape(x)} -> {_shape(y)}: {_first_line(error)}"
        ) from error
    except Exception as error:
        if type(error).__name__ != "InvalidArgumentError":  # TensorFlow's own, e.g. an id past an Embedding's input_dim
            raise
        raise GradingFailure(f"training {what} failed inside TensorFlow: {_invalid_argument(error, model, x)}") from None
    history = {key: [float(v) for v in values] for key, values in fitted.history.items()}
    losses = history.get("loss", [])
    bad = [epoch for epoch, value in enumerate(losses, start=1) if not math.isfinite(value)]
    if bad or len(losses) < budget.epochs:
        epoch = bad[0] if bad else len(losses) + 1
        raise GradingFailure(
            f"the training loss of {what} became NaN in epoch {epoch} (expected a finite loss): "
            "check the loss, the last layer's activation and the learning rate"
        )
    return TrainingResult(history, model)


def _check_output_fits_targets(model, y, what: str) -> None:
    """Raise GradingFailure when a one-output model outputs more axes per sample than the targets have (Keras would broadcast)."""
    if not isinstance(y, np.ndarray) or len(getattr(model, "outputs", None) or []) != 1:
        return
    output_shape = tuple(model.outputs[0].shape)
    if len(output_shape) - 1 > (y.ndim - 1) + 1:  # one extra axis is fine: a unit axis, or class scores for sparse labels
        raise GradingFailure(f"{what} outputs {output_shape} but the targets are {y.shape}: one prediction per sample is "
                             "expected (a recurrent layer with return_sequences=True, or a missing Flatten, keeps the time axis)")


def _invalid_argument(error: BaseException, model, x) -> str:
    """Return one line for a TensorFlow InvalidArgumentError: ids past an Embedding's input_dim, or the error's own line."""
    embeddings = [layer for layer in getattr(model, "layers", []) if type(layer).__name__ == "Embedding"]
    data = x if isinstance(x, np.ndarray) else None
    if embeddings and data is not None and data.dtype.kind in "iu" and data.size:
        largest, input_dim = int(data.max()), min(int(layer.input_dim) for layer in embeddings)
        if largest >= input_dim:
            return (f"the data holds word ids up to {largest}, but the Embedding takes ids below input_dim={input_dim}: "
                    "input_dim must be the vocabulary size (num_words), larger than every id")
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and "Detected at node" not in line
             and not line.startswith(("Graph execution error", "File ", "Traceback"))]
    return next((line for line in lines if "indices" in line or "Invalid" in line), lines[0] if lines else type(error).__name__)


def _lower_is_better(metric: str) -> bool:
    name = metric.removeprefix("val_")
    return "loss" in name or "error" in name or name in ("mae", "mse", "rmse")


def _is_array_list(data) -> bool:
    return isinstance(data, (list, tuple)) and all(hasattr(item, "shape") for item in data)


def _first_samples(data, count: int):
    """Return the first `count` samples of an array, or of each array of a multi-input list or dict."""
    if isinstance(data, dict):
        return {key: value[:count] for key, value in data.items()}
    if _is_array_list(data):
        return type(data)(item[:count] for item in data)
    return data[:count]


def _shape(data) -> str:
    if isinstance(data, dict):
        return "{" + ", ".join(f"{key!r}: {_shape(value)}" for key, value in data.items()) + "}"
    if _is_array_list(data):
        return "[" + ", ".join(_shape(item) for item in data) + "]"
    return str(tuple(getattr(data, "shape", ())))


def _input_shape(model) -> str:
    """Return the shape(s) of the model's inputs as text, e.g. "(None, 10000)"."""
    try:
        shapes = [str(tuple(tensor.shape)) for tensor in model.inputs]
    except (AttributeError, ValueError, TypeError):
        return "(unknown: start the model with keras.Input(shape=...))"
    return shapes[0] if len(shapes) == 1 else "[" + ", ".join(shapes) + "]"


def _first_line(error: BaseException) -> str:
    """Return the first informative line of an error, without Keras's colour codes and call banner."""
    lines = [line.strip() for line in _TERMINAL_COLOURS.sub("", str(error)).splitlines()]
    lines = [line for line in lines if line and not line.startswith("Exception encountered when calling")]
    return lines[0] if lines else type(error).__name__


def predictions_of(model, x, batch_size: int = 1024) -> np.ndarray:
    """Return the model's predictions on `x` as a NumPy array, refusing NaN or infinite outputs."""
    import keras

    if not isinstance(model, keras.Model):
        raise GradingFailure(f"expected a trained keras.Model (TrainingResult.model), got {type(model).__name__}")
    predictions = np.asarray(keras.Model.predict(model, x, batch_size=batch_size, verbose=0))
    if not np.all(np.isfinite(predictions)):
        raise GradingFailure("the trained model predicts NaN or infinite values: check the loss and the learning rate")
    return predictions


def accuracy_of(model, x, labels) -> float:
    """Return the fraction of samples the model classifies right, measured by the grader.

    One output unit is read as a probability (threshold 0.5); several as class scores
    (argmax). `labels` may be class numbers or one-hot rows.
    """
    predictions = predictions_of(model, x)
    labels = np.asarray(labels)
    if labels.ndim == 2 and labels.shape[1] > 1:
        labels = labels.argmax(axis=1)
    labels = labels.reshape(-1)
    if predictions.ndim == 1 or predictions.shape[-1] == 1:
        predicted = (predictions.reshape(-1) > 0.5).astype(int)
    else:
        predicted = predictions.argmax(axis=-1)
    return float(np.mean(predicted == labels))


def mean_absolute_error_of(model, x, targets) -> float:
    """Return the mean absolute error of the model's predictions on `x`, measured by the grader."""
    predictions = predictions_of(model, x).reshape(-1)
    return float(np.mean(np.abs(predictions - np.asarray(targets, dtype=float).reshape(-1))))
