"""Graders for chapter 4, exercise 4: reading learning curves (DLwP §3.4.4, §4.4)."""

import math

import numpy as np
import pytest

from kerakit.grading import ModelRecord, expect, student_module
from kerakit.grading.boundary import model_record

curves = student_module("curves")


def as_history(values_by_metric):
    """Return a real keras.callbacks.History holding `values_by_metric`, as model.fit returns it."""
    import keras

    history = keras.callbacks.History()
    history.history = {key: list(values) for key, values in values_by_metric.items()}
    return history


def random_curve(rng, epochs):
    """Return a validation-loss-like curve: falls, then rises, with noise and some exact repeats."""
    turn = int(rng.integers(1, epochs))
    curve = np.abs(np.arange(epochs) - turn) * rng.uniform(0.01, 0.1) + 0.3 + rng.normal(scale=0.02, size=epochs)
    curve = np.round(curve, 2)  # rounding makes ties, which must go to the first epoch
    return [float(v) for v in curve]


def grader_overfitting_start(losses, patience):
    """Return the grader's EarlyStopping-style epoch: the last improvement before `patience` epochs without one."""
    best_loss, best, waited = math.inf, 0, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best_loss:
            best_loss, best, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return best
    return best


@pytest.mark.points(1)
def test_validation_losses(curves, rng):
    """validation_losses reads a metric's per-epoch values from a History or from its dict."""
    values = {"loss": list(rng.uniform(size=6)), "val_loss": list(rng.uniform(size=6)), "val_mae": list(rng.uniform(size=6))}
    for source, shown in ((values, "a history dict"), (as_history(values), "a keras History")):
        got = curves.validation_losses(source)
        expect(np.allclose(np.asarray(got, dtype=float), values["val_loss"]), f"validation_losses(<{shown}>) should be the val_loss values {np.round(values['val_loss'], 3).tolist()}, got {got}")
        got = curves.validation_losses(source, metric="val_mae")
        expect(np.allclose(np.asarray(got, dtype=float), values["val_mae"]), f"validation_losses(<{shown}>, metric='val_mae') should read val_mae, got {got}")


@pytest.mark.points(2)
def test_best_epoch(curves, rng):
    """best_epoch is the 1-based epoch of the lowest validation loss, the first one on a tie, from a History or a dict."""
    for _ in range(6):
        curve = random_curve(rng, int(rng.integers(3, 25)))
        expected = int(np.argmin(curve)) + 1
        for source, shown in (({"loss": curve[::-1], "val_loss": curve}, "dict"), (as_history({"val_loss": curve}), "History")):
            got = curves.best_epoch(source)
            expect(got == expected, f"best_epoch(<{shown} with val_loss {curve}>) should be {expected} (epochs count from 1), got {got}")
    tie = [0.5, 0.3, 0.4, 0.3, 0.35]
    got = curves.best_epoch({"val_loss": tie})
    expect(got == 2, f"best_epoch(<val_loss {tie}>) should be 2, the FIRST epoch with the lowest loss; got {got}")
    curve = random_curve(rng, 10)
    got = curves.best_epoch({"val_loss": [1.0] * 10, "val_mae": curve}, metric="val_mae")
    expect(got == int(np.argmin(curve)) + 1, f"best_epoch(history, metric='val_mae') should read val_mae; got {got}")


@pytest.mark.points(3)
def test_overfitting_start(curves, rng):
    """overfitting_start stops at the first run of `patience` epochs without improvement, as EarlyStopping does."""
    late_dip = [0.6, 0.5, 0.52, 0.53, 0.4]
    got = curves.overfitting_start({"val_loss": late_dip}, patience=2)
    expect(got == 2, f"overfitting_start(<val_loss {late_dip}>, patience=2) should be 2: after epoch 2 the loss failed to improve "
                     f"for 2 epochs, so the later dip is never seen; got {got}")
    plateau = [0.5, 0.4, 0.4, 0.4, 0.3]
    got = curves.overfitting_start({"val_loss": plateau}, patience=2)
    expect(got == 2, f"overfitting_start(<val_loss {plateau}>, patience=2) should be 2: an equal loss is not an improvement; got {got}")
    for _ in range(8):
        curve = random_curve(rng, int(rng.integers(4, 25)))
        patience = int(rng.integers(1, 5))
        expected = grader_overfitting_start(curve, patience)
        got = curves.overfitting_start(as_history({"val_loss": curve}), patience=patience)
        expect(got == expected, f"overfitting_start(<History with val_loss {curve}>, patience={patience}) should be {expected}, got {got}")
    curve = random_curve(rng, 12)
    got = curves.overfitting_start({"val_loss": curve})
    expect(got == grader_overfitting_start(curve, 2), f"overfitting_start(history) should use patience=2 by default; got {got} for {curve}")


@pytest.mark.points(2)
def test_retrain_for(curves, rng):
    """retrain_for builds a fresh model and trains it on all the data for exactly the given epochs."""
    import keras

    built = []

    def build_model():
        model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        built.append(model)
        return model

    n, epochs = int(rng.integers(40, 120)), int(rng.integers(2, 6))
    batch_size = int(rng.integers(4, n // 5 + 1))  # small enough that holding out a fifth of the data changes the step count
    x = rng.normal(size=(n, 3)).astype("float32")
    y = (x @ np.array([[1.0], [-2.0], [0.5]])).astype("float32")
    what = f"retrain_for(build_model, <{n} samples>, epochs={epochs}, batch_size={batch_size})"
    model = curves.retrain_for(build_model, x, y, epochs, batch_size=batch_size)
    expect(len(built) == 1, f"{what} should call build_model() exactly once for a fresh model, it called it {len(built)} times")
    expect(isinstance(model, ModelRecord), f"{what} should return the model build_model() made, trained; got {type(model).__name__}")
    made = model_record(built[0])
    expect(len(made.weights) == len(model.weights) and all(np.array_equal(a, b) for (_, a), (_, b) in zip(made.weights, model.weights)),
           f"{what} should return the model build_model() made, trained")
    steps = model.optimizer_iterations
    expected_steps = epochs * math.ceil(n / batch_size)
    expect(steps == expected_steps, f"{what} should train {epochs} epochs of {math.ceil(n / batch_size)} batches on all {n} samples "
                                    f"= {expected_steps} steps, the optimizer made {steps}")
