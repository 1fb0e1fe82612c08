"""Graders for chapter 7, exercise 1: the Keras tutorial's seven functional models (seed 003 §3.3–3.5).

Each model is compared path by path (any build order passes), with the tutorial's
per-layer parameter counts and its exact total, which Keras 3 reproduces.
"""

import pytest

from kerakit.grading import assert_branches, expect, student_module

seed_models = student_module("seed_models")


def dense(units, params, activation="relu"):
    return {"class": "Dense", "units": units, "activation": activation, "params": params}


def conv(filters, size, params):
    return {"class": "Conv2D", "filters": filters, "kernel_size": (size, size), "activation": "relu", "params": params}


def lstm(units, params, return_sequences=False):
    return {"class": "LSTM", "units": units, "return_sequences": return_sequences, "params": params}


POOL = {"class": "MaxPooling2D", "pool_size": (2, 2), "params": 0}
FLATTEN = {"class": "Flatten"}
CONCAT = {"class": "Concatenate"}
SOFTMAX_10 = dense(10, 1290, "softmax")


def check(record, paths, total, output_shape, what, input_shape=None):
    assert_branches(record, paths, what)
    expect(record.total_params == total, f"{what} should have {total:,} parameters (the tutorial's), it has {record.total_params:,}")
    got = tuple(record.summary.output_shape or ())
    expect(got == output_shape, f"{what} should output {output_shape}, it outputs {got}")
    if input_shape is not None:
        got = tuple(record.summary.input_shape or ())
        expect(got == input_shape, f"{what} should take the inputs {input_shape} in that order, it takes {got}")


@pytest.mark.points(2)
def test_mlp(seed_models):
    """build_mlp: 784 -> 512 -> 216 -> 128 -> 10, 541,794 parameters."""
    check(seed_models.build_mlp(), [[dense(512, 401_920), dense(216, 110_808), dense(128, 27_776), SOFTMAX_10]], 541_794,
          (None, 10), "build_mlp()", (None, 784))


@pytest.mark.points(2)
def test_cnn(seed_models):
    """build_cnn: two conv/pool blocks, then Dense on the 4-D map: (None, 4, 4, 10), 138,122 parameters."""
    check(seed_models.build_cnn(),
          [[conv(128, 4, 2_176), POOL, conv(64, 4, 131_136), POOL, dense(64, 4_160), dense(10, 650, "softmax")]], 138_122,
          (None, 4, 4, 10), "build_cnn()", (None, 28, 28, 1))


@pytest.mark.points(2)
def test_lstm_classifier(seed_models):
    """build_lstm_classifier: LSTM(128) over 784 steps of one pixel, then Dense 128 and 10: 84,362 parameters."""
    check(seed_models.build_lstm_classifier(), [[lstm(128, 66_560), dense(128, 16_512), SOFTMAX_10]], 84_362, (None, 10),
          "build_lstm_classifier()", (None, 784, 1))


@pytest.mark.points(2)
def test_shared_input_cnn(seed_models):
    """build_shared_input_cnn: two towers (kernel 4 and 8) read one input, concatenated: 399,610 parameters."""
    head = [CONCAT, dense(64, 397_376), dense(10, 650, "softmax")]
    check(seed_models.build_shared_input_cnn(),
          [[conv(32, 4, 544), POOL, FLATTEN, *head], [conv(16, 8, 1_040), POOL, FLATTEN, *head]], 399_610, (None, 10),
          "build_shared_input_cnn()", (None, 28, 28, 1))


@pytest.mark.points(2)
def test_shared_feature_extractor(seed_models):
    """build_shared_feature_extractor: one LSTM feeds a shallow and a deep branch, concatenated: 78,984 parameters."""
    head = [CONCAT, dense(10, 270, "softmax")]
    check(seed_models.build_shared_feature_extractor(),
          [[lstm(128, 66_560), dense(10, 1_290), *head],
           [lstm(128, 66_560), dense(64, 8_256), dense(32, 2_080), dense(16, 528), *head]], 78_984, (None, 10),
          "build_shared_feature_extractor()", (None, 784, 1))


@pytest.mark.points(2)
def test_multi_input(seed_models):
    """build_multi_input: a 64 x 64 grey and a 32 x 32 colour input, one tower each, concatenated: 424,874 parameters."""
    head = [FLATTEN, CONCAT, dense(128, 397_440), dense(64, 8_256), dense(10, 650, "softmax")]
    check(seed_models.build_multi_input(),
          [[conv(32, 4, 544), POOL, conv(16, 4, 8_208), POOL, *head], [conv(32, 4, 1_568), POOL, conv(16, 4, 8_208), POOL, *head]],
          424_874, (None, 10), "build_multi_input()", ((None, 64, 64, 1), (None, 32, 32, 3)))


@pytest.mark.points(2)
def test_multi_output(seed_models):
    """build_multi_output: a sequence class (None, 10) and a class per step (None, 784, 10): 31,348 parameters."""
    extract = lstm(64, 16_896, return_sequences=True)
    record = seed_models.build_multi_output()
    sequence_head = {"class": "TimeDistributed", "params": 650, "output_shape": (None, 784, 10)}
    if not any(layer.class_name == "TimeDistributed" for layer in record.layers):
        # Dense on a 3-D tensor works on the last axis, step by step: the same computation as TimeDistributed(Dense)
        sequence_head = dict(dense(10, 650, "softmax"), output_shape=(None, 784, 10))
    check(record, [[extract, lstm(32, 12_416), dense(32, 1_056), dense(10, 330, "softmax")], [extract, sequence_head]],
          31_348, ((None, 10), (None, 784, 10)), "build_multi_output()", (None, 784, 1))
