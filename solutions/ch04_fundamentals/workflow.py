"""Chapter 4, exercise 5: the universal workflow: choose the last layer and loss, and beat a baseline.

Textbook: DLwP §4.5 "The universal workflow of machine learning" and table 4-1
"Choosing the right last-layer activation and loss function for your model"
(seed 000 §1.1.5-§1.1.6; seed 004 §4.5).
"""

import numpy as np
import keras
from keras import layers

PROBLEM_TYPES = (
    "binary",
    "multiclass_single_label",
    "multiclass_multi_label",
    "regression",
    "regression_0_1",
)


def last_layer_for(problem_type):
    """Return (last_layer_activation, loss): table 4-1 of the book for one problem type.

    | problem_type              | activation | loss                        |
    |---------------------------|------------|-----------------------------|
    | "binary"                  | ?          | ?                           |
    | "multiclass_single_label" | ?          | ?                           |
    | "multiclass_multi_label"  | ?          | ?                           |
    | "regression"              | None       | ?                           |
    | "regression_0_1"          | ?          | ? (two answers are right)   |

    Activations and losses are the Keras names (strings), e.g. "relu" or "mse";
    None means no activation (a linear last layer).

    Raises:
        ValueError: for any other problem type, with a message naming the type given
            and the five that exist.

    Textbook: DLwP §4.5.5 table 4-1; seed 000 §1.1.6 (表 4-1).
    """
    # Hint: multi-label means each class is its own yes/no question.
    # BEGIN SOLUTION: a dict from problem type to (activation, loss); unknown -> ValueError listing PROBLEM_TYPES
    table = {
        "binary": ("sigmoid", "binary_crossentropy"),
        "multiclass_single_label": ("softmax", "categorical_crossentropy"),
        "multiclass_multi_label": ("sigmoid", "binary_crossentropy"),
        "regression": (None, "mse"),
        "regression_0_1": ("sigmoid", "mse"),
    }
    if problem_type not in table:
        raise ValueError(f"unknown problem type {problem_type!r}: expected one of {', '.join(PROBLEM_TYPES)}")
    return table[problem_type]
    # END SOLUTION


def build_model_for(problem_type, input_dim, outputs=1):
    """Return a compiled Dense(64, relu) -> Dense(64, relu) -> Dense(outputs, <table 4-1 activation>) model.

    Compile it with the rmsprop optimizer, the loss from `last_layer_for(problem_type)`,
    and one metric: "accuracy" for the three classification types, "mae" for the two
    regression types.

    Args:
        problem_type: one of PROBLEM_TYPES.
        input_dim: the length of an input vector.
        outputs: the number of output units (1 for binary and scalar regression,
            the number of classes for the multiclass types).

    Textbook: DLwP §4.5.5 "Developing a model that does better than a baseline".
    """
    # BEGIN SOLUTION: look the activation and loss up with last_layer_for; pick the metric by problem type
    activation, loss = last_layer_for(problem_type)
    metric = "mae" if problem_type.startswith("regression") else "accuracy"
    model = keras.Sequential(
        [
            keras.Input(shape=(input_dim,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(outputs, activation=activation),
        ]
    )
    model.compile(optimizer="rmsprop", loss=loss, metrics=[metric])
    return model
    # END SOLUTION


def majority_class_accuracy(train_labels, test_labels):
    """Return the accuracy on `test_labels` of always predicting the most frequent class of `train_labels`.

    The common-sense baseline of a classification problem: a model that does not beat it
    has learned nothing. On a tie, the smallest class number is the majority class.

    Args:
        train_labels: 1-D integer class numbers the baseline is fitted on.
        test_labels: 1-D integer class numbers it is scored on.

    Example:
        >>> majority_class_accuracy(np.array([0, 1, 1]), np.array([1, 0, 1, 1]))
        0.75

    Textbook: DLwP §4.5.5 ("a classifier must beat the random or majority baseline"); §3.5.5.
    """
    # Hint: np.bincount counts each class; np.argmax picks the first of equal counts.
    # BEGIN SOLUTION: majority = argmax of the training class counts; accuracy = mean(test_labels == majority)
    majority = int(np.argmax(np.bincount(np.asarray(train_labels, dtype=int))))
    return float(np.mean(np.asarray(test_labels) == majority))
    # END SOLUTION


def mean_predictor_mae(train_targets, test_targets):
    """Return the mean absolute error on `test_targets` of always predicting the mean of `train_targets`.

    The common-sense baseline of a regression problem.

    Example:
        >>> mean_predictor_mae(np.array([1.0, 3.0]), np.array([2.0, 4.0]))
        1.0

    Textbook: DLwP §4.5.5 and §3.6 (the MAE a regression model has to beat).
    """
    # BEGIN SOLUTION: the training mean, then the mean absolute difference on the test targets
    prediction = float(np.mean(train_targets))
    return float(np.mean(np.abs(np.asarray(test_targets, dtype="float64") - prediction)))
    # END SOLUTION


def compare_with_baseline(model, problem_type, train_targets, x_test, test_targets):
    """Return (model_score, baseline_score, beats): the trained model against the common-sense baseline, on held-out data.

    For "binary" and "multiclass_single_label" the score is accuracy (higher is better):
    the model's predicted class against `test_targets` (integer classes; a binary model's
    one output is a probability, class 1 when > 0.5), and the baseline is
    `majority_class_accuracy`. For "regression" the score is mean absolute error (lower is
    better) and the baseline is `mean_predictor_mae`. `beats` is True only when the model
    is strictly better than the baseline.

    Args:
        model: a trained Keras model.
        problem_type: "binary", "multiclass_single_label" or "regression".
        train_targets: the training labels or targets (the baseline is fitted on them).
        x_test, test_targets: the held-out inputs and their labels or targets.

    Textbook: DLwP §4.5.5 "Developing a model that does better than a baseline".
    """
    # Hint: model.predict(x_test, verbose=0) gives (n, outputs) values.
    # BEGIN SOLUTION: predict, score like the baseline does, compare in the right direction
    predictions = np.asarray(model.predict(x_test, verbose=0))
    test_targets = np.asarray(test_targets)
    if problem_type == "regression":
        model_score = float(np.mean(np.abs(predictions.reshape(-1) - test_targets.astype("float64"))))
        baseline = mean_predictor_mae(train_targets, test_targets)
        return model_score, baseline, model_score < baseline
    if problem_type == "binary":
        predicted = (predictions.reshape(-1) > 0.5).astype(int)
    elif problem_type == "multiclass_single_label":
        predicted = np.argmax(predictions, axis=-1)
    else:
        raise ValueError(f"no baseline for problem type {problem_type!r}: expected binary, multiclass_single_label or regression")
    model_score = float(np.mean(predicted == test_targets.astype(int)))
    baseline = majority_class_accuracy(train_targets, test_targets)
    return model_score, baseline, model_score > baseline
    # END SOLUTION
