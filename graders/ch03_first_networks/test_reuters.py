"""Graders for chapter 3, exercise 2: Reuters-style 46-topic classification (DLwP §3.5)."""

import numpy as np
import pytest

from kerakit.grading import HIGHER, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, expect_array, expect_close, fresh_model, student_module, train_within_budget

reuters = student_module("reuters")

BUDGET = Budget(epochs=9, batch_size=512, train_samples=3000)  # the book's best epoch count; 3,000 of 7,982 samples keep it fast


def reuters_layers(input_dim, num_classes):
    """Return the expected layers of the book's 64 -> 64 -> 46 network."""
    return [
        {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": input_dim * 64 + 64},
        {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": 4160},
        {"class": "Dense", "units": num_classes, "activation": "softmax", "output_shape": (None, num_classes), "params": 65 * num_classes},
    ]


@pytest.mark.points(2)
def test_to_one_hot(reuters, rng):
    """to_one_hot encodes random integer labels as one-hot rows."""
    for _ in range(3):
        dimension = int(rng.integers(2, 60))
        labels = rng.integers(0, dimension, size=int(rng.integers(1, 50)))
        what = f"to_one_hot(<{len(labels)} labels>, dimension={dimension})"
        expect_close(expect_array(reuters.to_one_hot(labels, dimension=dimension), what, kinds="f"), np.eye(dimension)[labels], what)
    labels = rng.integers(0, 46, size=10)
    expect_close(reuters.to_one_hot(labels), np.eye(46)[labels], "to_one_hot(labels) with the default 46 topics")


@pytest.mark.points(1)
def test_loss_for_labels(reuters):
    """loss_for_labels pairs one-hot labels with categorical and integer labels with sparse crossentropy."""
    for encoding, loss in (("one_hot", "categorical_crossentropy"), ("integer", "sparse_categorical_crossentropy")):
        got = reuters.loss_for_labels(encoding)
        expect(got == loss, f"loss_for_labels({encoding!r}) should be {loss!r}, got {got!r}")
    try:
        reuters.loss_for_labels("multi_hot")
    except ValueError:
        return
    raise AssertionError("loss_for_labels('multi_hot') should raise ValueError for an unknown encoding")


@pytest.mark.points(2)
def test_reuters_model_architecture(reuters, rng):
    """build_reuters_model is Dense(64, relu) -> Dense(64, relu) -> Dense(46, softmax): 647,214 parameters."""
    summary = assert_architecture(reuters.build_reuters_model(), reuters_layers(10000, 46), what="build_reuters_model()")
    expect(summary.total_params == 647214, f"build_reuters_model() should have 647,214 parameters, got {summary.total_params:,}")
    input_dim, num_classes = int(rng.integers(50, 500)), int(rng.integers(3, 20))
    assert_architecture(reuters.build_reuters_model(input_dim=input_dim, num_classes=num_classes),
                        reuters_layers(input_dim, num_classes), what=f"build_reuters_model(input_dim={input_dim}, num_classes={num_classes})")


@pytest.mark.points(1)
def test_reuters_model_predicts_distributions(reuters, rng):
    """build_reuters_model's predict gives one probability distribution over 46 topics per sample."""
    model = fresh_model(reuters.build_reuters_model(input_dim=300), "build_reuters_model(input_dim=300)")
    samples = rng.integers(0, 2, size=(8, 300)).astype("float32")
    predictions = expect_array(model.predict(samples, verbose=0), "model.predict(<8 samples>)", shape=(8, 46), kinds="f")
    expect(bool((predictions >= 0).all()), "predicted probabilities should be non-negative")
    expect_close(predictions.sum(axis=1), np.ones(8), "the sum of each row of model.predict(...)", rtol=1e-4, atol=1e-4)


@pytest.mark.points(1)
def test_reuters_model_compile(reuters):
    """build_reuters_model compiles with rmsprop, the loss matching the labels, and accuracy."""
    for encoding, loss in (("one_hot", "categorical_crossentropy"), ("integer", "sparse_categorical_crossentropy")):
        model = reuters.build_reuters_model(input_dim=100, label_encoding=encoding)
        assert_compiled_with(model, f"build_reuters_model(label_encoding={encoding!r})", optimizer="RMSprop", loss=loss, metric="accuracy")


@pytest.mark.points(2)
@pytest.mark.timeout(180)
@pytest.mark.parametrize("encoding", ["one_hot", "integer"])
def test_reuters_model_trains(reuters, reuters_arrays, floors, encoding):
    """build_reuters_model reaches the calibrated validation accuracy in 9 epochs, with either label encoding."""
    data = reuters_arrays
    def encode(labels):
        return np.eye(46, dtype="float32")[labels] if encoding == "one_hot" else labels
    model = train_within_budget(reuters.build_reuters_model(label_encoding=encoding), (data["x_train"], encode(data["labels_train"])),
                                BUDGET, what=f"build_reuters_model(label_encoding={encoding!r})").model
    floors.check(f"reuters_val_accuracy_{encoding}", accuracy_of(model, data["x_val"], data["labels_val"]),
                 f"Reuters-style validation accuracy with {encoding} labels after {BUDGET.describe()}", HIGHER)
