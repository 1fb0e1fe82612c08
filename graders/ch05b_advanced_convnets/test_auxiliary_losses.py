"""Graders for chapter 5b, exercise 3: GoogLeNet's auxiliary classifiers and custom losses (seed 002, figures 4-3 and 4-5).

The weighted total is checked by evaluating the grader's rebuild of the student's
model and comparing it with the weighted sum the grader computes itself; which
weights each loss trains is measured with GradientTape. Custom losses are called on
random tensors, both as plain calls and the way `fit` calls them (traced).
"""

import numpy as np
import pytest

from kerakit.grading import (GradingFailure, assert_branches, expect, expect_array, expect_close, fresh_model,
                             losses_by_output, student_module)

auxiliary_losses = student_module("auxiliary_losses")

HEAD_WEIGHTS = {"main": 1.0, "aux1": 0.3, "aux2": 0.3}


def conv(filters):
    return {"class": "Conv2D", "filters": filters, "kernel_size": (3, 3), "padding": "same", "activation": "relu"}


POOL = {"class": "MaxPooling2D", "pool_size": (2, 2)}
GAP = {"class": "GlobalAveragePooling2D"}
RESCALE = {"class": "Rescaling", "scale": 1 / 255}


def auxiliary_paths(num_classes):
    head = {"class": "Dense", "units": num_classes, "activation": "softmax"}
    part1, part2 = [RESCALE, conv(16), POOL], [conv(32), POOL]
    return [[*part1, GAP, head], [*part1, *part2, GAP, head], [*part1, *part2, conv(64), GAP, head]]


def rebuilt_auxiliary_model(auxiliary_losses, num_classes=10, input_shape=(28, 28, 1)):
    what = f"build_auxiliary_classifier(input_shape={input_shape}, num_classes={num_classes})"
    record = auxiliary_losses.build_auxiliary_classifier(input_shape=input_shape, num_classes=num_classes)
    assert_branches(record, auxiliary_paths(num_classes), what)
    model = fresh_model(record, what)
    names = list(model.output_names)
    expect(sorted(names) == sorted(HEAD_WEIGHTS), f"{what} should have the outputs main, aux1 and aux2 (the names of its three "
                                                  f"output Dense layers), got {names}")
    return record, model, what


@pytest.mark.points(3)
def test_auxiliary_classifier_architecture(auxiliary_losses):
    """build_auxiliary_classifier: one trunk of three parts with a softmax head after each, named aux1, aux2 and main."""
    record, model, what = rebuilt_auxiliary_model(auxiliary_losses)
    depth = {path[-1].name: sum(1 for layer in path if layer.class_name == "Conv2D") for path in _paths(record)}
    expect(depth.get("aux1") == 1 and depth.get("aux2") == 2 and depth.get("main") == 3,
           f"{what}: aux1 should follow part 1 (1 Conv2D), aux2 part 2 (2 Conv2D) and main part 3 (3 Conv2D); "
           f"got {dict(sorted(depth.items()))} convolutions before each head")
    rebuilt_auxiliary_model(auxiliary_losses, num_classes=7, input_shape=(24, 24, 3))


def _paths(record):
    from kerakit.grading.branches import model_paths

    return model_paths(record)


def crossentropy(y, p):
    return float(np.mean(-np.sum(y * np.log(np.clip(p, 1e-7, 1 - 1e-7)), axis=-1)))


@pytest.mark.points(3)
def test_total_loss_is_the_weighted_sum(auxiliary_losses, rng):
    """Evaluated on random images, the compiled total loss is loss_main + 0.3 loss_aux1 + 0.3 loss_aux2, computed by the grader."""
    record, model, what = rebuilt_auxiliary_model(auxiliary_losses)
    losses = (record.compile_config or {}).get("loss")
    expect(record.compile is not None, f"{what} is not compiled: compile it with one loss per output and loss_weights")
    x = rng.uniform(0, 255, size=(32, 28, 28, 1)).astype("float32")
    y = np.eye(10, dtype="float32")[rng.integers(0, 10, size=32)]
    predicted = model.predict(x, verbose=0)
    predictions = ({name: np.asarray(predicted[name]) for name in model.output_names} if isinstance(predicted, dict)
                   else dict(zip(model.output_names, [np.asarray(p) for p in predicted])))
    expected = sum(weight * crossentropy(y, predictions[name]) for name, weight in HEAD_WEIGHTS.items())
    try:
        got = model.evaluate(x, {name: y for name in model.output_names}, batch_size=32, return_dict=True, verbose=0)["loss"]
    except Exception as error:
        raise GradingFailure(f"{what}: evaluating the compiled model failed ({type(error).__name__}: "
                             f"{str(error).strip().splitlines()[0] if str(error).strip() else ''}); losses: {losses}") from None
    unweighted = sum(crossentropy(y, predictions[name]) for name in HEAD_WEIGHTS)
    expect(abs(got - expected) <= 1e-3 * expected,
           f"{what}: the compiled total loss on a random batch is {got:.4f}; with categorical_crossentropy on every head and "
           f"loss_weights main 1.0, aux1 0.3, aux2 0.3 it would be {expected:.4f} (unweighted sum {unweighted:.4f})")


@pytest.mark.points(3)
def test_each_loss_trains_only_its_path(auxiliary_losses, rng):
    """With GradientTape, each head's loss has gradients on the weights of its own path only (seed figure 4-5)."""
    import tensorflow as tf

    _, model, what = rebuilt_auxiliary_model(auxiliary_losses)
    convs = [layer for layer in model.layers if type(layer).__name__ == "Conv2D"]
    x = tf.constant(rng.uniform(0, 255, size=(8, 28, 28, 1)).astype("float32"))
    y = np.eye(10, dtype="float32")[rng.integers(0, 10, size=8)]
    for name, parts in (("aux1", 1), ("aux2", 2), ("main", 3)):
        with tf.GradientTape() as tape:
            outputs = dict(zip(model.output_names, model(x, training=True) if isinstance(model.output, (list, tuple))
                               else [model(x, training=True)[n] for n in model.output_names]))
            loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y, outputs[name]))
        layers = convs + [model.get_layer(head) for head in HEAD_WEIGHTS]
        variables = [layer.kernel for layer in layers]
        gradients = tape.gradient(loss, variables)
        reached = {layer.name for layer, g in zip(layers, gradients) if g is not None and float(tf.reduce_max(tf.abs(g))) > 0}
        should = {layer.name for layer in convs[:parts]} | {name}
        expect(reached == should, f"{what}: the {name} loss should produce gradients on the first {parts} Conv2D layer(s) and the "
                                  f"{name} head only, it reaches {sorted(reached)}")


@pytest.mark.points(2)
def test_mean_predictions(auxiliary_losses, rng):
    """mean_predictions returns the mean of y_pred (y_true ignored), also when fit traces it."""
    for _ in range(3):
        shape = (int(rng.integers(1, 30)), int(rng.integers(1, 12)))
        y_true, y_pred = rng.normal(size=shape), rng.uniform(size=shape)
        what = f"mean_predictions(y_true, y_pred) on {shape} tensors"
        for got in (auxiliary_losses.mean_predictions(y_true, y_pred), auxiliary_losses.mean_predictions.traced(y_true, y_pred)):
            value = np.asarray(got, dtype=float)
            expect(value.size == 1, f"{what} should return one number (a scalar), got shape {value.shape}")
            expect_close(value.reshape(()), np.mean(y_pred), what, rtol=1e-5, atol=1e-6)


@pytest.mark.points(3)
def test_activation_penalty(auxiliary_losses, rng):
    """activation_penalty(weight) returns a loss = weight * mean(y_pred**2, axis=-1) per sample; each closure keeps its own weight."""
    weights = [float(rng.uniform(0.01, 2.0)) for _ in range(2)]
    losses = [auxiliary_losses.activation_penalty.returned_function(w) for w in weights]
    for weight, loss in zip(weights, losses):
        shape = (int(rng.integers(2, 20)), int(rng.integers(2, 40)))
        y_true, y_pred = rng.normal(size=shape), rng.normal(size=shape)
        what = f"activation_penalty({weight:.4f})(y_true, y_pred) on {shape} tensors"
        expected = weight * np.mean(y_pred ** 2, axis=-1)
        for got in (loss(y_true, y_pred), loss.traced(y_true, y_pred), loss(rng.normal(size=shape), y_pred)):
            expect_close(expect_array(np.asarray(got), what, shape=(shape[0],)), expected,
                         what + " (one value per sample; y_true is ignored)", rtol=1e-4, atol=1e-6)


def hidden_paths(input_dim):
    hidden = {"class": "Dense", "units": 128, "activation": "sigmoid", "params": input_dim * 128 + 128}
    return [[hidden, {"class": "Dense", "units": 64, "activation": "sigmoid"}, {"class": "Dense", "units": 10, "activation": "softmax"}],
            [hidden]]


@pytest.mark.points(2)
def test_hidden_penalty_model(auxiliary_losses, rng):
    """build_hidden_penalty_model exposes the first hidden layer as the output "hidden", with mse and the custom penalty as losses."""
    for input_dim in (512, int(rng.integers(5, 300))):
        what = f"build_hidden_penalty_model(input_dim={input_dim})"
        record = auxiliary_losses.build_hidden_penalty_model(input_dim=input_dim, penalty=0.05)
        assert_branches(record, hidden_paths(input_dim), what)
        outputs = (record.config.get("config") or {}).get("output_layers")
        expect(isinstance(outputs, dict) and sorted(outputs) == ["hidden", "predictions"],
               f"{what} should output a dict with the keys 'predictions' and 'hidden'")
        hidden_layer = outputs["hidden"][0]
        first_dense = next(layer.name for layer in record.layers if layer.class_name == "Dense")
        expect(hidden_layer == first_dense, f"{what}: 'hidden' should be the first Dense layer's output, it is {hidden_layer}'s")
        losses = losses_by_output(record)
        expect(losses is not None, f"{what} should be compiled with a dict of losses, one per output, got "
                                   f"{(record.compile_config or {}).get('loss')!r}")
        expect(losses.get("predictions") == "mse", f"{what}: the 'predictions' output should use the mse loss, got {losses.get('predictions')!r}")
        expect(losses.get("hidden") in ("function", "__lambda__"),
               f"{what}: the 'hidden' output should use the function activation_penalty(penalty) returns, got {losses.get('hidden')!r}")
