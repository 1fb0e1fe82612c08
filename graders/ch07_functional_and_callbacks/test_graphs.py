"""Graders for chapter 7, exercise 2: graphs of layers (DLwP §7.1.4–7.1.6).

Branches are compared path by path. Residual blocks are checked by behaviour as well:
the grader rebuilds the block with its own weights, zeroes the residual branch, and the
output must then be exactly the shortcut (the input, or its 1x1 projection), which
shows the shortcut is really ADDED. Shared layers are read from the config: one layer
object called twice, with the parameters of one.
"""

import math

import numpy as np
import pytest

from kerakit.grading import assert_architecture, assert_branches, expect, expect_close, fresh_model, student_module

graphs = student_module("graphs")


def conv(filters, size, strides=1, activation="relu", padding="same"):
    return {"class": "Conv2D", "filters": filters, "kernel_size": (size, size), "strides": (strides, strides), "padding": padding,
            "activation": activation}


CONCAT = {"class": "Concatenate"}
ADD = {"class": "Add"}


def inception_paths(filters):
    pool = {"class": "AveragePooling2D", "pool_size": (3, 3), "strides": (2, 2), "padding": "same"}
    return [[conv(filters, 1, 2), CONCAT],
            [conv(filters, 1), conv(filters, 3, 2), CONCAT],
            [pool, conv(filters, 3), CONCAT],
            [conv(filters, 1), conv(filters, 3), conv(filters, 3, 2), CONCAT]]


@pytest.mark.points(3)
def test_inception_block(graphs, rng):
    """build_inception_block: the book's four branches, each with one stride-2 step, concatenated to 4 x filters channels."""
    what = "build_inception_block()"
    record = graphs.build_inception_block()
    assert_branches(record, inception_paths(128), what)
    expect(tuple(record.summary.output_shape) == (None, 16, 16, 512), f"{what} should output (None, 16, 16, 512), it outputs "
                                                                      f"{record.summary.output_shape}")
    height, width, channels, filters = (int(rng.integers(5, 30)), int(rng.integers(5, 30)), int(rng.integers(1, 20)),
                                        int(rng.integers(2, 24)))
    what = f"build_inception_block(input_shape=({height}, {width}, {channels}), filters={filters})"
    record = graphs.build_inception_block(input_shape=(height, width, channels), filters=filters)
    assert_branches(record, inception_paths(filters), what)
    want = (None, math.ceil(height / 2), math.ceil(width / 2), 4 * filters)
    expect(tuple(record.summary.output_shape) == want, f"{what} should output {want}, it outputs {record.summary.output_shape}")


def residual_paths(filters, shortcut):
    return [[conv(filters, 3), conv(filters, 3, activation="linear"), ADD], [*shortcut, ADD]]


def zeroed_residual_output(record, what, x):
    """Return (rebuilt model, output with the residual branch's 3x3 convolutions zeroed) for the grader's input x."""
    model = fresh_model(record, what, recorded_weights=False, compile_with={"optimizer": "sgd", "loss": "mse"})
    for layer in model.layers:
        if type(layer).__name__ == "Conv2D" and tuple(layer.kernel_size) == (3, 3):
            layer.set_weights([np.zeros_like(w) for w in layer.get_weights()])
    return model, np.asarray(model(x.astype("float32")))


@pytest.mark.points(3)
def test_residual_block_identity_shortcut(graphs, rng):
    """build_residual_block with as many filters as input channels: an identity shortcut, really added."""
    filters = int(rng.integers(2, 24))
    size = int(rng.integers(4, 16))
    what = f"build_residual_block(input_shape=({size}, {size}, {filters}), filters={filters})"
    record = graphs.build_residual_block(input_shape=(size, size, filters), filters=filters)
    assert_branches(record, residual_paths(filters, []), what)
    x = rng.normal(size=(2, size, size, filters))
    _, output = zeroed_residual_output(record, what, x)
    expect_close(output, x, f"{what} with its residual branch zeroed (the output must be the input: residual + shortcut)",
                 rtol=1e-5, atol=1e-5)


@pytest.mark.points(3)
def test_residual_block_projection_shortcut(graphs, rng):
    """build_residual_block with a different channel count: a 1x1 projection shortcut, really added."""
    channels, filters = int(rng.integers(2, 12)), int(rng.integers(13, 40))
    size = int(rng.integers(4, 16))
    what = f"build_residual_block(input_shape=({size}, {size}, {channels}), filters={filters})"
    record = graphs.build_residual_block(input_shape=(size, size, channels), filters=filters)
    projection = {"class": "Conv2D", "filters": filters, "kernel_size": (1, 1), "activation": "linear"}
    assert_branches(record, residual_paths(filters, [projection]), what)
    x = rng.normal(size=(2, size, size, channels))
    model, output = zeroed_residual_output(record, what, x)
    shortcut = next(layer for layer in model.layers if type(layer).__name__ == "Conv2D" and tuple(layer.kernel_size) == (1, 1))
    kernel, bias = shortcut.get_weights()
    expect_close(output, x @ kernel[0, 0] + bias,
                 f"{what} with its residual branch zeroed (the output must be the 1x1 projection of the input)", rtol=1e-4, atol=1e-4)


def layer_entries(record):
    return [entry for entry in (record.config.get("config") or {}).get("layers", []) if entry.get("class_name") != "InputLayer"]


@pytest.mark.points(3)
def test_siamese_lstm_shares_one_layer(graphs, rng):
    """build_siamese_lstm: one LSTM object reads both inputs (the weights of one LSTM), then concatenate and Dense(1, sigmoid)."""
    features, units = int(rng.integers(3, 40)), int(rng.integers(4, 40))
    what = f"build_siamese_lstm(features={features}, units={units})"
    record = graphs.build_siamese_lstm(features=features, units=units)
    lstm_params = 4 * units * (features + units + 1)
    path = [{"class": "LSTM", "units": units, "params": lstm_params}, CONCAT,
            {"class": "Dense", "units": 1, "activation": "sigmoid", "params": 2 * units + 1}]
    assert_branches(record, [path, path], what)
    lstms = [entry for entry in layer_entries(record) if entry.get("class_name") == "LSTM"]
    expect(len(lstms) == 1 and len(lstms[0].get("inbound_nodes", [])) == 2,
           f"{what} should call ONE LSTM layer on both inputs (shared weights); it has {len(lstms)} LSTM layer(s)")
    expect(record.total_params == lstm_params + 2 * units + 1,
           f"{what} should have {lstm_params + 2 * units + 1:,} parameters (one LSTM's {lstm_params:,}), it has {record.total_params:,}")


EXTRACTOR = [{"class": "Conv2D", "filters": 16, "kernel_size": (3, 3), "activation": "relu"}, {"class": "MaxPooling2D", "pool_size": (2, 2)},
             {"class": "Conv2D", "filters": 32, "kernel_size": (3, 3), "activation": "relu"}, {"class": "GlobalAveragePooling2D"}]


@pytest.mark.points(1)
def test_feature_extractor(graphs):
    """build_feature_extractor: Conv2D(16) -> MaxPooling2D -> Conv2D(32) -> GlobalAveragePooling2D, 5,088 parameters."""
    assert_architecture(graphs.build_feature_extractor(), [dict(EXTRACTOR[0], params=448), EXTRACTOR[1], dict(EXTRACTOR[2], params=4640),
                                                           dict(EXTRACTOR[3], output_shape=(None, 32))], "build_feature_extractor()")


@pytest.mark.points(2)
def test_model_used_as_a_layer(graphs, rng):
    """build_two_camera_model: one extractor MODEL called on both images (shared), concatenate, Dense(1, sigmoid)."""
    size = int(rng.integers(12, 40))
    what = f"build_two_camera_model(input_shape=({size}, {size}, 3))"
    record = graphs.build_two_camera_model(input_shape=(size, size, 3))
    path = [*EXTRACTOR, CONCAT, {"class": "Dense", "units": 1, "activation": "sigmoid", "params": 65}]
    assert_branches(record, [path, path], what)
    nested = [entry for entry in layer_entries(record) if entry.get("class_name") in ("Functional", "Sequential")]
    expect(len(nested) == 1 and len(nested[0].get("inbound_nodes", [])) == 2,
           f"{what} should call ONE feature-extractor model on both images, like a layer; it has {len(nested)} nested model(s)")
    expect(record.total_params == 448 + 4640 + 65, f"{what} should have {448 + 4640 + 65:,} parameters (one extractor), "
                                                   f"it has {record.total_params:,}")
