"""Graders for chapter 3, exercise 1: IMDB-style binary classification (DLwP §3.4)."""

import numpy as np
import pytest

from kerakit.grading import HIGHER, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, expect_array, expect_sequence, expect_close, student_module, train_within_budget

imdb = student_module("imdb")

BUDGET = Budget(epochs=4, batch_size=64)  # the book: 4 epochs at batch 512 on 15,000 reviews (~30 steps an epoch); 3,000 here


def imdb_layers(input_dim):
    """Return the expected layers of the book's 16 -> 16 -> 1 network."""
    return [
        {"class": "Dense", "units": 16, "activation": "relu", "output_shape": (None, 16), "params": input_dim * 16 + 16},
        {"class": "Dense", "units": 16, "activation": "relu", "output_shape": (None, 16), "params": 272},
        {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1), "params": 17},
    ]


def random_sequences(rng, count, dimension):
    """Return `count` random id lists (some empty, some with repeated ids) below `dimension`."""
    return [list(rng.integers(0, dimension, size=rng.integers(0, 30))) for _ in range(count)]


@pytest.mark.points(2)
def test_vectorize_sequences(imdb, rng):
    """vectorize_sequences multi-hot encodes random sequences."""
    for _ in range(3):
        dimension = int(rng.integers(20, 200))
        sequences = random_sequences(rng, int(rng.integers(5, 40)), dimension)
        expected = np.zeros((len(sequences), dimension), dtype="float32")
        for row, sequence in enumerate(sequences):
            expected[row, sequence] = 1.0
        what = f"vectorize_sequences(<{len(sequences)} sequences>, dimension={dimension})"
        result = expect_array(imdb.vectorize_sequences(sequences, dimension=dimension), what, kinds="f")
        expect_close(result, expected, what)


@pytest.mark.points(1)
def test_vectorize_sequences_default_dimension(imdb, rng):
    """vectorize_sequences uses 10,000 columns by default."""
    sequences = random_sequences(rng, 7, 10000)
    expected = np.zeros((7, 10000), dtype="float32")
    for row, sequence in enumerate(sequences):
        expected[row, sequence] = 1.0
    result = expect_array(imdb.vectorize_sequences(sequences), "vectorize_sequences(sequences)", shape=(7, 10000))
    expect_close(result, expected, "vectorize_sequences(sequences) with the default dimension")


@pytest.mark.points(2)
def test_imdb_model_architecture(imdb, rng):
    """build_imdb_model is Dense(16, relu) -> Dense(16, relu) -> Dense(1, sigmoid): 160,305 parameters."""
    summary = assert_architecture(imdb.build_imdb_model(), imdb_layers(10000), what="build_imdb_model()")
    expect(summary.total_params == 160305, f"build_imdb_model() should have 160,305 parameters, got {summary.total_params:,}")
    input_dim = int(rng.integers(50, 500))
    assert_architecture(imdb.build_imdb_model(input_dim=input_dim), imdb_layers(input_dim), what=f"build_imdb_model(input_dim={input_dim})")


@pytest.mark.points(1)
def test_imdb_model_compile(imdb):
    """build_imdb_model compiles with rmsprop, binary_crossentropy and accuracy."""
    assert_compiled_with(imdb.build_imdb_model(input_dim=100), "build_imdb_model()", optimizer="RMSprop",
                         loss="binary_crossentropy", metric="accuracy")


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_imdb_model_trains(imdb, imdb_arrays, floors):
    """build_imdb_model reaches the calibrated validation accuracy in 4 epochs."""
    data = imdb_arrays
    model = train_within_budget(imdb.build_imdb_model(), (data["x_train"], data["y_train"]), BUDGET, what="build_imdb_model()").model
    floors.check("imdb_val_accuracy", accuracy_of(model, data["x_val"], data["y_val"]),
                 f"IMDB-style validation accuracy after {BUDGET.describe()}", HIGHER)


@pytest.mark.points(2)
def test_holdout_split(imdb, rng):
    """holdout_split keeps the first num_validation samples for validation, in order."""
    for _ in range(3):
        n, features = int(rng.integers(20, 200)), int(rng.integers(1, 6))
        num_validation = int(rng.integers(1, n))
        x, y = rng.normal(size=(n, features)), rng.integers(0, 2, size=n)
        what = f"holdout_split(x, y, num_validation={num_validation}) with {n} samples"
        result = imdb.holdout_split(x, y, num_validation)
        shape = "((partial_x, partial_y), (x_val, y_val))"
        (partial_x, partial_y), (x_val, y_val) = (expect_sequence(part, what, 2, shape) for part in expect_sequence(result, what, 2, shape))
        expect_close(x_val, x[:num_validation], f"x_val from {what}")
        expect_close(y_val, y[:num_validation], f"y_val from {what}")
        expect_close(partial_x, x[num_validation:], f"partial_x from {what}")
        expect_close(partial_y, y[num_validation:], f"partial_y from {what}")
