"""Graders for chapter 6, exercise 6: 1D convnets for sequences (DLwP §6.4).

The length arithmetic is checked against Keras's own Conv1D and MaxPooling1D on random
configurations. The text convnet is compared layer by layer, rebuilt with the grader's
fresh weights and trained on the kit's reviews to a calibrated floor. The book's point, that
the convnet is much faster than an LSTM, is graded as counted work, not by the clock (wall time
depends on the box: on the kit's 2-core CPU an epoch of the book's convnet measured 1.1-1.6 times
the LSTM's, a loaded CI runner measured 3.5 times; benchmarks/conv1d_vs_lstm_epoch.py times it):
from the student's architecture the grader counts the steps a review must pass one after another
(what a GPU cannot run in parallel) and the multiply-adds, against the book's LSTM(32) classifier,
with loose bounds. The Conv1D + GRU weather model is compared layer by layer.
"""

import numpy as np
import pytest

from kerakit.grading import (HIGHER, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, student_module, train_within_budget)

conv1d = student_module("conv1d")

TEXT_WORDS, TEXT_MAXLEN = 2000, 100
CONV_BUDGET = Budget(epochs=6, batch_size=64)  # measured 0.74-0.79 test accuracy at 3 seeds, ~0.65 s an epoch (majority 0.658)


def keras_conv_length(length, kernel_size, strides, padding, dilation_rate):
    from keras import layers

    return layers.Conv1D(2, kernel_size, strides=strides, padding=padding, dilation_rate=dilation_rate).compute_output_shape((None, length, 3))[1]


def keras_pool_length(length, pool_size, strides, padding):
    from keras import layers

    return layers.MaxPooling1D(pool_size, strides=strides, padding=padding).compute_output_shape((None, length, 3))[1]


@pytest.mark.points(2)
def test_conv1d_output_length(conv1d, rng):
    """conv1d_output_length matches Keras's Conv1D for random lengths, kernels, strides, paddings and dilations."""
    cases = [(500, 7, 1, "valid", 1), (12, 12, 1, "valid", 1), (10, 3, 1, "same", 1)]
    while len(cases) < 14:
        kernel, padding = int(rng.integers(1, 12)), str(rng.choice(["valid", "same"]))
        strides, dilation = (int(rng.integers(1, 5)), 1) if rng.random() < 0.6 else (1, int(rng.integers(1, 4)))
        length = int(rng.integers(dilation * (kernel - 1) + 1, 600))
        cases.append((length, kernel, strides, padding, dilation))
    for length, kernel, strides, padding, dilation in cases:
        what = f"conv1d_output_length({length}, {kernel}, strides={strides}, padding={padding!r}, dilation_rate={dilation})"
        expected = keras_conv_length(length, kernel, strides, padding, dilation)
        got = conv1d.conv1d_output_length(length, kernel, strides=strides, padding=padding, dilation_rate=dilation)
        expect(isinstance(got, (int, float)) and not isinstance(got, bool) and got == expected,
               f"{what} should be {expected} (Keras's Conv1D), got {got!r}")


@pytest.mark.points(2)
def test_pooling1d_output_length(conv1d, rng):
    """pooling1d_output_length matches Keras's MaxPooling1D for random lengths, pool sizes, strides and paddings."""
    cases = [(494, 5, None, "valid"), (7, 2, None, "same"), (9, 3, 1, "valid")]
    while len(cases) < 14:
        pool = int(rng.integers(1, 8))
        strides = None if rng.random() < 0.5 else int(rng.integers(1, 6))
        cases.append((int(rng.integers(pool, 400)), pool, strides, str(rng.choice(["valid", "same"]))))
    for length, pool, strides, padding in cases:
        what = f"pooling1d_output_length({length}, {pool}, strides={strides}, padding={padding!r})"
        expected = keras_pool_length(length, pool, strides, padding)
        got = conv1d.pooling1d_output_length(length, pool, strides=strides, padding=padding)
        expect(isinstance(got, (int, float)) and not isinstance(got, bool) and got == expected,
               f"{what} should be {expected} (Keras's MaxPooling1D), got {got!r}")


def text_convnet_layers(num_words, maxlen):
    after_conv = maxlen - 6
    after_pool = after_conv // 5
    return [
        {"class": "Embedding", "input_dim": num_words, "output_dim": 128, "output_shape": (None, maxlen, 128), "params": num_words * 128},
        {"class": "Conv1D", "filters": 32, "kernel_size": (7,), "activation": "relu", "output_shape": (None, after_conv, 32),
         "params": 7 * 128 * 32 + 32},
        {"class": "MaxPooling1D", "pool_size": (5,), "output_shape": (None, after_pool, 32)},
        {"class": "Conv1D", "filters": 32, "kernel_size": (7,), "activation": "relu", "output_shape": (None, after_pool - 6, 32),
         "params": 7 * 32 * 32 + 32},
        {"class": "GlobalMaxPooling1D", "output_shape": (None, 32)},
        {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1), "params": 33},
    ]


@pytest.mark.points(2)
def test_conv1d_classifier(conv1d, rng):
    """build_conv1d_classifier: Embedding(num_words, 128) -> Conv1D(32, 7) -> MaxPooling1D(5) -> Conv1D(32, 7) -> GlobalMaxPooling1D -> Dense(1, sigmoid)."""
    for num_words, maxlen in ((10000, 500), (int(rng.integers(100, 5000)), int(rng.integers(60, 300)))):
        what = f"build_conv1d_classifier(num_words={num_words}, maxlen={maxlen})"
        record = conv1d.build_conv1d_classifier(num_words, maxlen)
        assert_architecture(record, text_convnet_layers(num_words, maxlen), what)
        assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", metric="accuracy")


RECURRENT_BIASES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 6, "Bidirectional": 8}  # bias vectors per unit (GRU: reset_after)
# The book's classifier at 10,000 words and 500 steps: 6 sequential steps against the LSTM's 502 (ratio 0.012),
# 14.8M multiply-adds a review against the LSTM(32)'s 4.1M (ratio 3.6). The bounds are loose: they catch a
# recurrent layer inside the convnet, or a convnet several times the book's size.
MAX_SEQUENTIAL_RATIO = 0.1
MAX_MULTIPLY_ADD_RATIO = 6.0


def layer_cost(layer, timesteps):
    """Return (sequential steps, multiply-adds per sample) of one summarised layer fed `timesteps` steps."""
    config = layer.config
    biases = {"Conv1D": config.get("filters"), "Dense": config.get("units")}.get(layer.class_name)
    if layer.class_name in RECURRENT_BIASES:
        units = config.get("units") or 0
        kernel = max(layer.params - RECURRENT_BIASES[layer.class_name] * units, 0)
        return timesteps, timesteps * kernel  # every weight once a step, each step waiting for the one before
    if layer.class_name == "Embedding" or layer.params <= 0:
        return 1, 0  # a lookup, a pooling or a reshape: no multiply-adds
    positions = int(np.prod([d or 1 for d in layer.output_shape[1:-1]])) if len(layer.output_shape) > 2 else 1
    kernel = layer.params - ((biases or 0) if config.get("use_bias", True) else 0)
    return 1, positions * kernel


def model_cost(record, maxlen):
    """Return (sequential steps, multiply-adds per sample) of a summarised sequence model fed `maxlen` steps."""
    steps, multiply_adds, timesteps = 0, 0, maxlen
    for layer in record.layers:
        layer_steps, layer_adds = layer_cost(layer, timesteps)
        steps, multiply_adds = steps + layer_steps, multiply_adds + layer_adds
        shape = layer.output_shape
        if shape is not None and len(shape) == 3 and shape[1] is not None:
            timesteps = shape[1]
    return steps, multiply_adds


def book_lstm_cost(num_words, maxlen):
    """Return (sequential steps, multiply-adds per review) of the book's Embedding(num_words, 32) -> LSTM(32) -> Dense(1)."""
    return 1 + maxlen + 1, maxlen * 4 * 32 * (32 + 32) + 32


@pytest.mark.points(1)
def test_conv1d_cost_against_an_lstm(conv1d):
    """build_conv1d_classifier(10000, 500) runs in a few parallel steps, with multiply-adds of the book's LSTM(32)'s order."""
    what = "build_conv1d_classifier(num_words=10000, maxlen=500)"
    steps, multiply_adds = model_cost(conv1d.build_conv1d_classifier(10000, 500), 500)
    lstm_steps, lstm_adds = book_lstm_cost(10000, 500)
    expect(steps <= MAX_SEQUENTIAL_RATIO * lstm_steps,
           f"a review passes {steps} steps of {what} one after another, against the LSTM(32)'s {lstm_steps} (one a word): "
           f"expected at most {MAX_SEQUENTIAL_RATIO * lstm_steps:.0f} (the convnet's speed comes from no step waiting for "
           "the previous word; is there a recurrent layer?)")
    ratio = multiply_adds / lstm_adds
    expect(ratio <= MAX_MULTIPLY_ADD_RATIO,
           f"{what} does {multiply_adds / 1e6:.1f}M multiply-adds a review, {ratio:.1f} times the LSTM(32)'s "
           f"{lstm_adds / 1e6:.1f}M (the book's convnet: 14.8M, 3.6 times; expected at most {MAX_MULTIPLY_ADD_RATIO:g}): "
           "check for extra or larger layers")


def trained_convnet(conv1d, reviews, shared):
    def train():
        data = reviews(TEXT_WORDS, TEXT_MAXLEN)
        what = f"build_conv1d_classifier(num_words={TEXT_WORDS}, maxlen={TEXT_MAXLEN})"
        result = train_within_budget(conv1d.build_conv1d_classifier(TEXT_WORDS, TEXT_MAXLEN), (data["x_train"], data["y_train"]),
                                     CONV_BUDGET, what=what)
        return result.model, what
    return shared.get("convnet", train)


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_conv1d_classifier_learns(conv1d, reviews, shared, floors):
    """build_conv1d_classifier, rebuilt with the grader's weights, classifies the test reviews above the floor."""
    model, what = trained_convnet(conv1d, reviews, shared)
    data = reviews(TEXT_WORDS, TEXT_MAXLEN)
    floors.check("conv1d_test_accuracy", accuracy_of(model, data["x_test"], data["y_test"]),
                 f"test accuracy of {what} after {CONV_BUDGET.describe()} on the last {TEXT_MAXLEN} words (majority class 0.658)", HIGHER)


@pytest.mark.points(2)
def test_conv1d_gru(conv1d, rng):
    """build_conv1d_gru: Conv1D(32, 5) -> MaxPooling1D(3) -> Conv1D(32, 5) -> GRU(32, dropout=0.1, recurrent_dropout=0.5) -> Dense(1); mae."""
    for features in (8, int(rng.integers(2, 20))):
        what = f"build_conv1d_gru(features={features})"
        record = conv1d.build_conv1d_gru(features)
        assert_architecture(record, [
            {"class": "Conv1D", "filters": 32, "kernel_size": (5,), "activation": "relu", "output_shape": (None, None, 32),
             "params": 5 * features * 32 + 32},
            {"class": "MaxPooling1D", "pool_size": (3,), "output_shape": (None, None, 32)},
            {"class": "Conv1D", "filters": 32, "kernel_size": (5,), "activation": "relu", "output_shape": (None, None, 32),
             "params": 5 * 32 * 32 + 32},
            {"class": "GRU", "units": 32, "dropout": 0.1, "recurrent_dropout": 0.5, "return_sequences": False, "output_shape": (None, 32),
             "params": 3 * 32 * (32 + 32 + 2)},
            {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 33},
        ], what)
        assert_compiled_with(record, what, optimizer="RMSprop", loss="mae")
        expect(np.isfinite(record.total_params), what)
