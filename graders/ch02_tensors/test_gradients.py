"""Graders for chapter 2, gradients.py: a Dense layer's forward pass, its gradients and SGD steps.

The expected gradients are central finite differences of the mean squared error,
computed here in float64 NumPy: they do not depend on TensorFlow or on the
student's own loss.
"""

from __future__ import annotations

import numpy as np
import pytest

from kerakit.grading import expect, expect_array, expect_close, student_module

gradients = student_module("gradients")

FEATURES, UNITS, SAMPLES = 5, 3, 8
FINITE_DIFFERENCE_STEP = 1e-6
# Wide enough for a student who computes in float32; far too tight for a wrong gradient.
GRADIENT_RTOL, GRADIENT_ATOL = 1e-4, 1e-6


# ---------------------------------------------------------------------------
# The grader's own float64 model of the exercise
# ---------------------------------------------------------------------------


def dense_relu(W: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Return relu(x @ W + b) in NumPy."""
    return np.maximum(x @ W + b, 0.0)


def mean_squared_error(W: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Return the mean over samples and units of (relu(x @ W + b) - y) ** 2."""
    return float(np.mean((dense_relu(W, b, x) - y) ** 2))


def finite_difference_gradient(loss, parameter: np.ndarray) -> np.ndarray:
    """Return d loss / d parameter by central differences, changing one entry at a time.

    Args:
        loss: a function of the parameter array alone, returning a float.
        parameter: the float64 array at which to take the gradient.
    """
    gradient = np.zeros_like(parameter)
    for index in np.ndindex(parameter.shape):
        step = np.zeros_like(parameter)
        step[index] = FINITE_DIFFERENCE_STEP
        gradient[index] = (loss(parameter + step) - loss(parameter - step)) / (2 * FINITE_DIFFERENCE_STEP)
    return gradient


def dense_problem(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Return random float64 W (features, units), b (units,), x (samples, features), y (samples, units).

    Redraws until no pre-activation sits within 1e-3 of relu's kink at 0, where
    finite differences would not match the true gradient.
    """
    while True:
        problem = {
            "W": rng.normal(scale=0.5, size=(FEATURES, UNITS)),
            "b": rng.normal(scale=0.1, size=UNITS),
            "x": rng.normal(size=(SAMPLES, FEATURES)),
            "y": rng.normal(size=(SAMPLES, UNITS)),
        }
        if np.abs(problem["x"] @ problem["W"] + problem["b"]).min() > 1e-3:
            return problem


def expected_gradients(W, b, x, y) -> tuple[np.ndarray, np.ndarray]:
    """Return (dW, db) of the mean squared error by finite differences."""
    dW = finite_difference_gradient(lambda W_: mean_squared_error(W_, b, x, y), W)
    db = finite_difference_gradient(lambda b_: mean_squared_error(W, b_, x, y), b)
    return dW, db


def expect_pair(result, call: str, names: str) -> tuple:
    """Return `result` after checking it is a pair, e.g. (new_W, new_b)."""
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           f"{call} should return a tuple ({names}), got {type(result).__name__}"
           + (f" of length {len(result)}" if isinstance(result, (tuple, list)) else ""))
    return tuple(result)


def expect_inputs_unchanged(call: str, arrays: dict[str, np.ndarray], originals: dict[str, np.ndarray]) -> None:
    """Fail if the student's function changed any of its input arrays in place."""
    for name, array in arrays.items():
        expect(np.array_equal(array, originals[name]),
               f"{call} changed its input {name} in place: expected {name} unchanged: return new arrays instead")


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


@pytest.mark.points(1)
def test_dense_forward(gradients, rng):
    """dense_forward(W, b, x) computes relu(x @ W + b)"""
    problem = dense_problem(rng)
    W, b, x = problem["W"], problem["b"], problem["x"]
    result = gradients.dense_forward(W.copy(), b.copy(), x.copy())
    expect_close(result, dense_relu(W, b, x),
                 f"dense_forward(W, b, x) for W {W.shape}, b {b.shape}, x {x.shape}", rtol=1e-5, atol=1e-6)


@pytest.mark.points(1)
def test_loss_is_mean_squared_error(gradients, rng):
    """loss_and_gradients returns the mean squared error of dense_forward as its loss"""
    problem = dense_problem(rng)
    result = gradients.loss_and_gradients(*(value.copy() for value in problem.values()))
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"loss_and_gradients(W, b, x, y) should return a tuple (loss, dW, db), got {type(result).__name__}")
    expect_close(result[0], mean_squared_error(**problem),
                 "the loss from loss_and_gradients(W, b, x, y) (mean of (dense_forward - y) ** 2)", rtol=1e-5)


@pytest.mark.points(2)
def test_gradients_match_finite_differences(gradients, rng):
    """loss_and_gradients returns dW and db equal to finite-difference gradients"""
    problem = dense_problem(rng)
    result = gradients.loss_and_gradients(*(value.copy() for value in problem.values()))
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"loss_and_gradients(W, b, x, y) should return a tuple (loss, dW, db), got {type(result).__name__}")
    for name, gradient in (("dW", result[1]), ("db", result[2])):
        expect(gradient is not None,
               f"{name} from loss_and_gradients(W, b, x, y) is None: expected a gradient; the tape saw no path "
               "from the loss to that variable: wrap W and b in tf.Variable and use TensorFlow operations")
    expected_dW, expected_db = expected_gradients(**problem)
    expect_close(result[1], expected_dW, "dW from loss_and_gradients(W, b, x, y)",
                 rtol=GRADIENT_RTOL, atol=GRADIENT_ATOL)
    expect_close(result[2], expected_db, "db from loss_and_gradients(W, b, x, y)",
                 rtol=GRADIENT_RTOL, atol=GRADIENT_ATOL)


@pytest.mark.points(1)
def test_sgd_step_applies_update(gradients, rng):
    """sgd_step returns W - learning_rate * dW and b - learning_rate * db, leaving W and b unchanged"""
    problem = dense_problem(rng)
    learning_rate = float(rng.uniform(0.01, 0.1))
    call = f"sgd_step(W, b, x, y, learning_rate={learning_rate:.4f})"
    step = gradients.sgd_step.call(*problem.values(), learning_rate)  # arguments: the student's copies after the call
    new_W, new_b = expect_pair(step.result, call, "new_W, new_b")
    new_W = expect_array(new_W, f"new_W from {call}", shape=problem["W"].shape)
    new_b = expect_array(new_b, f"new_b from {call}", shape=problem["b"].shape)
    expect(not np.allclose(new_W, problem["W"]),
           f"{call} returned W unchanged: expected W - learning_rate * dW")
    expected_dW, expected_db = expected_gradients(**problem)
    expect_close(new_W, problem["W"] - learning_rate * expected_dW, f"new_W from {call}",
                 rtol=GRADIENT_RTOL, atol=GRADIENT_ATOL)
    expect_close(new_b, problem["b"] - learning_rate * expected_db, f"new_b from {call}",
                 rtol=GRADIENT_RTOL, atol=GRADIENT_ATOL)
    expect_inputs_unchanged(call, dict(zip(problem, step.arguments)), problem)


@pytest.mark.points(1)
def test_sgd_step_lowers_loss(gradients, rng):
    """one sgd_step with a small learning rate lowers the loss on its mini-batch"""
    problem = dense_problem(rng)
    learning_rate = 0.01
    call = f"sgd_step(W, b, x, y, learning_rate={learning_rate})"
    inputs = [value.copy() for value in problem.values()]
    new_W, new_b = expect_pair(gradients.sgd_step(*inputs, learning_rate), call, "new_W, new_b")
    new_W = expect_array(new_W, f"new_W from {call}", shape=problem["W"].shape)
    new_b = expect_array(new_b, f"new_b from {call}", shape=problem["b"].shape)
    before = mean_squared_error(**problem)
    after = mean_squared_error(new_W.astype(np.float64), new_b.astype(np.float64), problem["x"], problem["y"])
    expect(after < before,
           f"the loss went from {before:.6f} to {after:.6f} after {call}: expected it to go down "
           "(step against the gradient)")


@pytest.mark.points(1)
def test_momentum_step(gradients, rng):
    """momentum_step updates the velocity, then moves w with the new velocity, as in DLwP 2.4.3"""
    shape = (4, 3)
    inputs = {"w": rng.normal(size=shape), "velocity": rng.normal(size=shape), "gradient": rng.normal(size=shape)}
    originals = {name: value.copy() for name, value in inputs.items()}
    learning_rate, momentum = float(rng.uniform(0.01, 0.1)), float(rng.uniform(0.5, 0.95))
    call = f"momentum_step(w, velocity, gradient, learning_rate={learning_rate:.4f}, momentum={momentum:.4f})"
    step = gradients.momentum_step.call(*inputs.values(), learning_rate, momentum)
    result = step.result
    new_w, new_velocity = expect_pair(result, call, "new_w, new_velocity")
    expected_velocity = momentum * originals["velocity"] - learning_rate * originals["gradient"]
    expected_w = originals["w"] + momentum * expected_velocity - learning_rate * originals["gradient"]
    expect_close(new_velocity, expected_velocity, f"new_velocity from {call}")
    expect_close(new_w, expected_w, f"new_w from {call}")
    expect_inputs_unchanged(call, dict(zip(inputs, step.arguments)), originals)
