"""Graders for chapter 4, exercise 5: table 4-1 and beating a common-sense baseline (DLwP §4.5)."""

import numpy as np
import pytest

from kerakit.grading import Budget, GradingFailure, accuracy_of, assert_architecture, assert_compiled_with, expect, expect_sequence, mean_absolute_error_of, student_module, train_within_budget

workflow = student_module("workflow")

# problem type -> (accepted last-layer activations, accepted losses); None and "linear" both mean no activation
TABLE_4_1 = {
    "binary": ({"sigmoid"}, {"binary_crossentropy"}),
    "multiclass_single_label": ({"softmax"}, {"categorical_crossentropy"}),
    "multiclass_multi_label": ({"sigmoid"}, {"binary_crossentropy"}),
    "regression": ({None, "linear"}, {"mse", "mean_squared_error"}),
    "regression_0_1": ({"sigmoid"}, {"mse", "mean_squared_error", "binary_crossentropy"}),
}
COMPILED_LOSS = {"binary": "binary_crossentropy", "multiclass_single_label": "categorical_crossentropy",
                 "multiclass_multi_label": "binary_crossentropy", "regression": "mse"}
IMDB_BUDGET = Budget(epochs=4, batch_size=128)
BOSTON_BUDGET = Budget(epochs=20, batch_size=16)


@pytest.mark.points(3)
def test_last_layer_for(workflow, rng):
    """last_layer_for returns table 4-1's activation and loss for all five problem types, and ValueError otherwise."""
    for problem_type, (activations, losses) in TABLE_4_1.items():
        result = workflow.last_layer_for(problem_type)
        result = expect_sequence(result, f"last_layer_for({problem_type!r})", 2, "(activation, loss)")
        activation, loss = result
        shown = " or ".join(sorted(str(a) for a in activations))
        expect(activation in activations, f"last_layer_for({problem_type!r}): table 4-1 says the last layer's activation is {shown}, got {activation!r}")
        expect(loss in losses, f"last_layer_for({problem_type!r}): table 4-1 says the loss is {' or '.join(sorted(losses))}, got {loss!r}")
    unknown = "".join(rng.choice(list("abcdefgh"), size=8))
    try:
        workflow.last_layer_for(unknown)
    except ValueError as error:
        expect(unknown in str(error), f"last_layer_for({unknown!r}) raised ValueError; its message should name the type given: {error}")
    else:
        raise GradingFailure(f"last_layer_for({unknown!r}) should raise ValueError for an unknown problem type")


@pytest.mark.points(2)
def test_build_model_for(workflow, rng):
    """build_model_for builds Dense(64)-Dense(64)-Dense(outputs, table activation) compiled with the table's loss and metric."""
    for problem_type, compiled_loss in COMPILED_LOSS.items():
        input_dim = int(rng.integers(5, 100))
        outputs = 1 if problem_type in ("binary", "regression") else int(rng.integers(3, 12))
        activation = {"binary": "sigmoid", "multiclass_single_label": "softmax", "multiclass_multi_label": "sigmoid", "regression": "linear"}[problem_type]
        what = f"build_model_for({problem_type!r}, input_dim={input_dim}, outputs={outputs})"
        model = workflow.build_model_for(problem_type, input_dim, outputs=outputs)
        assert_architecture(model, [
            {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": input_dim * 64 + 64},
            {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": 64 * 64 + 64},
            {"class": "Dense", "units": outputs, "activation": activation, "output_shape": (None, outputs), "params": 64 * outputs + outputs},
        ], what=what)
        assert_compiled_with(model, what, optimizer="RMSprop", loss=compiled_loss, metric="mae" if problem_type == "regression" else "accuracy")


@pytest.mark.points(1)
def test_majority_class_accuracy(workflow, rng):
    """majority_class_accuracy scores the training set's most frequent class on the test labels (smallest class on a tie)."""
    for classes in (2, int(rng.integers(3, 10))):
        train = rng.integers(0, classes, size=int(rng.integers(10, 60)))
        test = rng.integers(0, classes, size=int(rng.integers(10, 60)))
        majority = int(np.argmax(np.bincount(train)))
        expected = float(np.mean(test == majority))
        got = workflow.majority_class_accuracy(train, test)
        expect(np.isclose(float(got), expected), f"majority_class_accuracy(<{len(train)} training labels, majority {majority}>, <{len(test)} test labels>) "
                                                 f"should be {expected:.4f}, got {got}")
    got = workflow.majority_class_accuracy(np.array([2, 1, 2, 1, 0]), np.array([1, 1, 2]))
    expect(np.isclose(float(got), 2 / 3), f"majority_class_accuracy([2, 1, 2, 1, 0], [1, 1, 2]) should pick class 1 on the tie and give 0.6667, got {got}")


@pytest.mark.points(1)
def test_mean_predictor_mae(workflow, rng):
    """mean_predictor_mae scores the training mean on the test targets."""
    train, test = rng.normal(20, 8, size=int(rng.integers(10, 80))), rng.normal(25, 8, size=int(rng.integers(10, 80)))
    expected = float(np.mean(np.abs(test - train.mean())))
    got = workflow.mean_predictor_mae(train, test)
    expect(np.isclose(float(got), expected, rtol=1e-5), f"mean_predictor_mae(<{len(train)} training targets>, <{len(test)} test targets>) "
                                                        f"should be {expected:.4f} (predict the TRAINING mean), got {got}")


def fixed_dense_model(weights, bias, activation):
    """Return a keras model Dense(len(bias), activation) with the given weights: a trained model the grader fully knows."""
    import keras

    model = keras.Sequential([keras.Input(shape=(weights.shape[0],)), keras.layers.Dense(len(bias), activation=activation)])
    model.layers[-1].set_weights([weights.astype("float32"), np.asarray(bias, dtype="float32")])
    return model


@pytest.mark.points(2)
def test_compare_with_baseline(workflow, rng):
    """compare_with_baseline scores a model and the baseline on held-out data and says whether the model beats it."""
    n = int(rng.integers(60, 150))
    labels = rng.integers(0, 2, size=n)
    x = np.stack([np.where(rng.uniform(size=n) < 0.8, labels, 1 - labels) * 4.0 - 2.0, rng.normal(size=n)], axis=1).astype("float32")
    train_labels = rng.integers(0, 2, size=50)
    cases = [
        ("binary", fixed_dense_model(np.array([[1.0], [0.0]]), [0.0], "sigmoid"), labels, train_labels),
        ("binary", fixed_dense_model(np.zeros((2, 1)), [-3.0], "sigmoid"), labels, train_labels),  # always class 0
    ]
    classes = int(rng.integers(3, 7))
    multi = rng.integers(0, classes, size=n)
    x_multi = (np.eye(classes)[multi] * 3 + rng.normal(scale=1.0, size=(n, classes))).astype("float32")
    cases.append(("multiclass_single_label", fixed_dense_model(np.eye(classes), np.zeros(classes), "softmax"), multi, rng.integers(0, classes, size=50)))
    targets = rng.normal(20, 5, size=n)
    x_reg = np.stack([targets + rng.normal(scale=1.0, size=n), rng.normal(size=n)], axis=1).astype("float32")
    cases.append(("regression", fixed_dense_model(np.array([[1.0], [0.0]]), [0.0], None), targets, rng.normal(20, 5, size=50)))
    cases.append(("regression", fixed_dense_model(np.zeros((2, 1)), [0.0], None), targets, rng.normal(20, 5, size=50)))  # predicts 0
    for problem_type, model, test_targets, train_targets in cases:
        inputs = {"binary": x, "multiclass_single_label": x_multi, "regression": x_reg}[problem_type]
        predictions = model.predict(inputs, verbose=0)
        if problem_type == "regression":
            model_score = float(np.mean(np.abs(predictions.reshape(-1) - test_targets)))
            baseline = float(np.mean(np.abs(test_targets - train_targets.mean())))
            beats = model_score < baseline
        else:
            predicted = (predictions.reshape(-1) > 0.5).astype(int) if problem_type == "binary" else predictions.argmax(axis=1)
            model_score = float(np.mean(predicted == test_targets))
            baseline = float(np.mean(test_targets == np.argmax(np.bincount(train_targets))))
            beats = model_score > baseline
        what = f"compare_with_baseline(<a {problem_type} model>, {problem_type!r}, ...)"
        result = workflow.compare_with_baseline(model, problem_type, train_targets, inputs, test_targets)
        got_score, got_baseline, got_beats = expect_sequence(result, f"{what} (model_score, baseline_score, beats)", 3)
        expect(np.isclose(float(got_score), model_score, atol=1e-4), f"{what}: the model's score on the held-out data should be {model_score:.4f}, got {got_score}")
        expect(np.isclose(float(got_baseline), baseline, atol=1e-4), f"{what}: the baseline's score should be {baseline:.4f}, got {got_baseline}")
        expect(bool(got_beats) == beats, f"{what}: with model {model_score:.4f} against baseline {baseline:.4f} "
                                         f"({'lower' if problem_type == 'regression' else 'higher'} is better) beats should be {beats}, got {got_beats}")


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_models_beat_the_baselines(workflow, imdb_workflow_data, boston_data):
    """build_model_for's binary and regression models, trained by the grader, beat the common-sense baselines on held-out data."""
    data = imdb_workflow_data
    model = train_within_budget(workflow.build_model_for("binary", data["x_train"].shape[1]),
                                (data["x_train"], data["labels_train"].astype("float32")), IMDB_BUDGET,
                                what="build_model_for('binary', ...)").model
    accuracy = accuracy_of(model, data["x_test"], data["labels_test"])
    majority = float(np.mean(data["labels_test"] == np.argmax(np.bincount(data["labels_train"]))))
    expect(accuracy > majority, f"build_model_for('binary', ...) trained {IMDB_BUDGET.describe()} on {len(data['x_train'])} reviews "
                                f"reached held-out accuracy {accuracy:.3f}, not above the majority-class baseline {majority:.3f}")
    data = boston_data
    model = train_within_budget(workflow.build_model_for("regression", data["x_train"].shape[1]), (data["x_train"], data["y_train"]),
                                BOSTON_BUDGET, what="build_model_for('regression', ...)").model
    mae = mean_absolute_error_of(model, data["x_test"], data["y_test"])
    baseline = float(np.mean(np.abs(data["y_test"] - data["y_train"].mean())))
    expect(mae < baseline, f"build_model_for('regression', ...) trained {BOSTON_BUDGET.describe()} on Boston housing "
                           f"reached test MAE {mae:.2f}, not below the mean predictor's {baseline:.2f}")
