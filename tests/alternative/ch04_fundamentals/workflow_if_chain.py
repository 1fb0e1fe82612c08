"""Correct, written differently: an if-chain, long loss names, and binary crossentropy for [0, 1] regression."""
import numpy as np
import keras


def last_layer_for(problem_type):
    if problem_type == "binary" or problem_type == "multiclass_multi_label":
        return "sigmoid", "binary_crossentropy"
    if problem_type == "multiclass_single_label":
        return "softmax", "categorical_crossentropy"
    if problem_type == "regression":
        return None, "mean_squared_error"
    if problem_type == "regression_0_1":
        return "sigmoid", "binary_crossentropy"
    raise ValueError("problem type " + repr(problem_type) + " is not in table 4-1")


def build_model_for(problem_type, input_dim, outputs=1):
    activation, loss = last_layer_for(problem_type)
    inputs = keras.Input(shape=(input_dim,))
    hidden = keras.layers.Dense(64, activation="relu")(keras.layers.Dense(64, activation="relu")(inputs))
    model = keras.Model(inputs, keras.layers.Dense(outputs, activation=activation)(hidden))
    metric = "accuracy" if "class" in problem_type or problem_type == "binary" else "mae"
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.001), loss=loss, metrics=[metric])
    return model


def majority_class_accuracy(train_labels, test_labels):
    values, counts = np.unique(np.asarray(train_labels), return_counts=True)
    return float((np.asarray(test_labels) == values[np.argmax(counts)]).mean())


def mean_predictor_mae(train_targets, test_targets):
    return float(np.abs(np.subtract(test_targets, np.mean(train_targets))).mean())


def compare_with_baseline(model, problem_type, train_targets, x_test, test_targets):
    outputs = keras.ops.convert_to_numpy(model(x_test, training=False))
    if problem_type == "regression":
        score, baseline = float(np.abs(outputs[:, 0] - test_targets).mean()), mean_predictor_mae(train_targets, test_targets)
        return score, baseline, bool(score < baseline)
    predicted = np.round(outputs[:, 0]).astype(int) if outputs.shape[1] == 1 else outputs.argmax(axis=1)
    score, baseline = float((predicted == np.asarray(test_targets)).mean()), majority_class_accuracy(train_targets, test_targets)
    return score, baseline, bool(score > baseline)
