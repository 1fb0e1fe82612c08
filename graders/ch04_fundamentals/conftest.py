"""The grader's own data and its own original model's learning curve for chapter 4, made once per session.

Training graders use these, never the student's preprocessing, so one unfinished
function does not cost the points of another exercise.
"""

import numpy as np
import pytest

from kerakit.data import boston_housing, imdb
from kerakit.data.encoding import multi_hot
from kerakit.grading import Budget, train_within_budget
from kerakit.grading.seeding import seed_everything

VOCABULARY = 5000  # the book's 10,000 halves the time and keeps every curve's shape (measured)
VALIDATION = 1000
TRAINING = 2000

# One budget for every model compared with the original (DLwP §4.4 trains them all alike).
# At batch 128, 2,000 reviews give 16 steps an epoch; the original's best epoch is 5-7 of 12.
COMPARISON_BUDGET = Budget(epochs=12, batch_size=128)
COMPARISON_COMPILE = {"optimizer": "rmsprop", "loss": "binary_crossentropy", "metrics": ["binary_crossentropy"]}
VALIDATION_METRIC = "val_binary_crossentropy"  # the data loss alone: Keras's val_loss also holds the weight penalty


@pytest.fixture(scope="session")
def imdb_comparison_data():
    """Return dict(x_train, y_train, x_val, y_val): 2,000 training and 1,000 validation reviews, labels (n, 1)."""
    (sequences, labels), _ = imdb.load_data(num_words=VOCABULARY)
    x, y = multi_hot(sequences, VOCABULARY, "uint8"), labels.astype("float32").reshape(-1, 1)  # uint8: a quarter of the memory
    return {
        "x_train": x[VALIDATION:VALIDATION + TRAINING], "y_train": y[VALIDATION:VALIDATION + TRAINING],
        "x_val": x[:VALIDATION], "y_val": y[:VALIDATION],
    }


def grader_original_model(input_dim=VOCABULARY):
    """Return the grader's own uncompiled original model: Dense(16, relu) -> Dense(16, relu) -> Dense(1, sigmoid)."""
    import keras
    from keras import layers

    return keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(16, activation="relu"),
                             layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])


def validation_curve(model, data, initial_weights=None):
    """Return the per-epoch validation binary crossentropy of `model` trained under COMPARISON_BUDGET from fresh weights."""
    result = train_within_budget(model, (data["x_train"], data["y_train"]), COMPARISON_BUDGET,
                                 validation=(data["x_val"], data["y_val"]), compile_with=COMPARISON_COMPILE,
                                 initial_weights=initial_weights)
    return np.asarray(result.history[VALIDATION_METRIC])


class Comparison:
    """How the graders compare models: one budget, one vocabulary, the grader's own data, one seed, one start.

    A model whose weights have the original's shapes (the regularised and dropout
    models) starts from the original's own initial weights, so the comparison measures
    the regulariser or dropout, not the luck of a different initialisation.
    """

    budget = COMPARISON_BUDGET
    vocabulary = VOCABULARY

    def __init__(self, data, seed):
        self.data = data
        self.seed = seed
        self.training_samples = len(data["x_train"])
        seed_everything(seed)
        self.original_start = [np.array(w) for w in grader_original_model().trainable_weights]

    def curve(self, build_model):
        """Return the per-epoch validation binary crossentropy of the model `build_model()` returns, trained under the budget."""
        seed_everything(self.seed)
        return validation_curve(build_model(), self.data, self.original_start)


@pytest.fixture(scope="session")
def comparison(request, imdb_comparison_data):
    """Return the Comparison every model of exercise 3 is trained under."""
    return Comparison(imdb_comparison_data, request.config.getoption("kerakit_seed"))


@pytest.fixture(scope="session")
def original_curve(comparison):
    """Return the validation curve of the grader's own original model, trained once per session."""
    seed_everything(comparison.seed)
    return validation_curve(grader_original_model(), comparison.data, comparison.original_start)


@pytest.fixture(scope="session")
def boston_data():
    """Return dict(x_train, y_train, x_test, y_test) of Boston housing, standardised with training statistics."""
    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    return {"x_train": ((x_train - mean) / std).astype("float32"), "y_train": y_train.astype("float32"),
            "x_test": ((x_test - mean) / std).astype("float32"), "y_test": y_test.astype("float32")}


@pytest.fixture(scope="session")
def imdb_workflow_data(imdb_comparison_data):
    """Return dict(x_train, labels_train, x_test, labels_test): the comparison data with integer labels."""
    data = imdb_comparison_data
    return {"x_train": data["x_train"], "labels_train": data["y_train"].reshape(-1).astype(int),
            "x_test": data["x_val"], "labels_test": data["y_val"].reshape(-1).astype(int)}
