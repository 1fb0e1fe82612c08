"""Graders for chapter 3, exercise 3: Boston housing regression and K-fold validation (DLwP §3.6)."""

import numpy as np
import pytest

from kerakit.grading import LOWER, Budget, GradingFailure, assert_architecture, assert_compiled_with, mean_absolute_error_of, expect, expect_sequence, expect_array, expect_close, student_module, train_within_budget

boston = student_module("boston")

BUDGET = Budget(epochs=60, batch_size=16)  # the book's 80 epochs at batch 16, cut to 60


def boston_layers(num_features):
    """Return the expected layers of the book's 64 -> 64 -> 1 regression network."""
    return [
        {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": num_features * 64 + 64},
        {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": 4160},
        {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 65},
    ]


@pytest.mark.points(3)
def test_standardize_uses_training_statistics(boston, rng):
    """standardize scales both sets with the training mean and std only (no test-set leakage)."""
    features = int(rng.integers(2, 14))
    train = rng.normal(loc=rng.uniform(-5, 5, features), scale=rng.uniform(0.5, 3, features), size=(int(rng.integers(30, 80)), features))
    test = rng.normal(loc=40.0, scale=10.0, size=(int(rng.integers(10, 30)), features))  # a very different test set
    mean, std = train.mean(axis=0), train.std(axis=0)
    result = boston.standardize(train.copy(), test.copy())
    result = expect_sequence(result, "standardize(train, test)", 2, "(train_standardized, test_standardized)")
    train_out, test_out = result
    expect_close(train_out, (train - mean) / std, "standardize(...)[0], the standardised training data", rtol=1e-4, atol=1e-5)
    test_out = expect_array(test_out, "standardize(...)[1]", shape=test.shape, kinds="f")
    leaked = [(np.concatenate([train, test]).mean(axis=0), np.concatenate([train, test]).std(axis=0)), (test.mean(axis=0), test.std(axis=0))]
    for leak_mean, leak_std in leaked:
        if np.allclose(test_out, (test - leak_mean) / leak_std, rtol=1e-4, atol=1e-5):
            raise GradingFailure("standardize scaled the test data with statistics that include the test set: use the TRAINING mean and std for both")
    expect_close(test_out, (test - mean) / std, "standardize(...)[1], the test data scaled with the training statistics", rtol=1e-4, atol=1e-5)


@pytest.mark.points(2)
def test_boston_model_architecture(boston, rng):
    """build_boston_model is Dense(64, relu) -> Dense(64, relu) -> Dense(1): 5,121 parameters."""
    summary = assert_architecture(boston.build_boston_model(), boston_layers(13), what="build_boston_model()")
    expect(summary.total_params == 5121, f"build_boston_model() should have 5,121 parameters, got {summary.total_params:,}")
    features = int(rng.integers(2, 40))
    assert_architecture(boston.build_boston_model(num_features=features), boston_layers(features), what=f"build_boston_model(num_features={features})")


@pytest.mark.points(1)
def test_boston_model_compile(boston):
    """build_boston_model compiles with rmsprop, mse and mae."""
    assert_compiled_with(boston.build_boston_model(), "build_boston_model()", optimizer="RMSprop", loss="mse", metric="mae")


class RecordedHistory:
    """What the stand-in's fit returns: a keras History's `history`, `epoch` and `params`, so the book's loops run."""

    def __init__(self, epochs, history):
        self.epoch = list(range(epochs))
        self.history = history
        self.params = {"epochs": epochs, "verbose": 0}


class RecordingModel:
    """A stand-in model that records what K-fold fits and evaluates it on, without training.

    Its "MAE" on any data is the mean of the targets, a value the grader recomputes for each fold.
    """

    def __init__(self, log):
        self.log = log
        self.fit_on = None

    def fit(self, x, y, epochs=1, batch_size=None, verbose="auto", validation_data=None, **kwargs):
        self.fit_on = (np.asarray(x).copy(), np.asarray(y).copy(), epochs, batch_size)
        history = {"loss": [2 * float(np.mean(y))] * epochs, "mae": [float(np.mean(y))] * epochs}
        if validation_data is not None:
            val_mae = float(np.mean(validation_data[1]))
            history |= {"val_loss": [2 * val_mae] * epochs, "val_mae": [val_mae] * epochs}
        return RecordedHistory(epochs, history)

    def evaluate(self, x, y, verbose="auto", **kwargs):
        if self.fit_on is None:
            raise GradingFailure("k_fold_validation evaluated a model before fitting it")
        mae = float(np.asarray(y).mean())
        self.log.append({"fit": self.fit_on, "val": (np.asarray(x).copy(), np.asarray(y).copy()), "mae": mae})
        return [mae * 2, mae]


@pytest.mark.points(3)
def test_k_fold_validation_splits(boston, rng):
    """k_fold_validation validates each fold once, trains on the others, with a fresh model each time."""
    for _ in range(3):
        k = int(rng.integers(2, 7))
        n = int(rng.integers(4 * k, 12 * k)) + int(rng.integers(0, k))  # often not a multiple of k
        ids = rng.permutation(n).astype("float64")
        data, targets = np.stack([ids, -ids], axis=1), ids  # each sample carries its own id
        epochs, batch_size = int(rng.integers(1, 9)), int(rng.integers(1, 9))
        log, built = [], []

        def build_model():
            built.append(RecordingModel(log))
            return built[-1]

        what = f"k_fold_validation(build_model, <{n} samples>, k={k})"
        scores = boston.k_fold_validation(build_model, data, targets, k=k, num_epochs=epochs, batch_size=batch_size)
        expect(len(built) == k, f"{what} should build a fresh model for each of the {k} folds, built {len(built)}")
        expect(len(log) == k, f"{what} should evaluate {k} times, evaluated {len(log)}")
        fold = n // k
        for i, entry in enumerate(log):
            want_val = ids[i * fold:(i + 1) * fold]
            want_train = np.concatenate([ids[:i * fold], ids[(i + 1) * fold:]])
            val_ids, train_ids = entry["val"][1], entry["fit"][1]
            expect(np.array_equal(val_ids, want_val), f"{what}: fold {i} should validate on samples {i * fold}..{(i + 1) * fold - 1}")
            expect(not set(val_ids) & set(train_ids), f"{what}: fold {i} trains on {len(set(val_ids) & set(train_ids))} of its validation samples")
            expect(np.array_equal(train_ids, want_train), f"{what}: fold {i} should train on all the other samples, in order")
            expect(np.array_equal(entry["fit"][0][:, 0], entry["fit"][1]), f"{what}: fold {i} fits data and targets that do not match")
            expect(entry["fit"][2:] == (epochs, batch_size), f"{what}: fold {i} should fit for num_epochs={epochs} with batch_size={batch_size}, got {entry['fit'][2:]}")
        expect(scores is not None and len(scores) == k, f"{what} should return {k} validation MAEs, got {scores!r}")
        expect_close(np.asarray(scores, dtype=float), np.array([e["mae"] for e in log]), f"the MAEs returned by {what}")


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_boston_model_trains(boston, boston_arrays, floors):
    """build_boston_model reaches the calibrated test MAE (thousands of dollars) in 60 epochs."""
    data = boston_arrays
    model = train_within_budget(boston.build_boston_model(), (data["x_train"], data["y_train"]), BUDGET, what="build_boston_model()").model
    floors.check("boston_test_mae", mean_absolute_error_of(model, data["x_test"], data["y_test"]),
                 f"Boston housing test MAE after {BUDGET.describe()}", LOWER)
