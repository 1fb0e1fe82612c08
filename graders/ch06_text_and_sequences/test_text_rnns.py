"""Graders for chapter 6, exercise 4: recurrent classifiers on the reviews (DLwP §6.2.1, §6.2.3, §6.3.8).

Architectures are compared layer by layer at the default vocabulary and at a random one
(and a random depth for the stack), every recurrent setting included. The LSTM is rebuilt
with the grader's fresh weights and trained on the kit's reviews (the last 100 words of
each, the 2,000 most frequent words) to a calibrated floor.
"""

import pytest

from kerakit.grading import (HIGHER, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, student_module,
                             train_within_budget)

text_rnns = student_module("text_rnns")

LSTM_WORDS, LSTM_MAXLEN = 2000, 100
LSTM_BUDGET = Budget(epochs=6, batch_size=64)  # measured 0.76-0.79 test accuracy at 3 seeds, ~1.3 s an epoch (majority 0.658)


def embedding(num_words):
    return {"class": "Embedding", "input_dim": num_words, "output_dim": 32, "output_shape": (None, None, 32), "params": num_words * 32}


HEAD = {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1)}


def recurrent(name, units, inputs, return_sequences=False, gates=1):
    return {"class": name, "units": units, "return_sequences": return_sequences, "activation": "tanh",
            "output_shape": (None, None, units) if return_sequences else (None, units),
            "params": gates * units * (inputs + units + 1)}


def check_classifier(builder, num_words, middle, what):
    record = builder(num_words)
    assert_architecture(record, [embedding(num_words), *middle, {**HEAD, "params": middle[-1]["output_shape"][-1] + 1}], what)
    assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", metric="accuracy")
    return record


@pytest.mark.points(2)
def test_simple_rnn_classifier(text_rnns, rng):
    """build_simple_rnn_classifier: Embedding(num_words, 32) -> SimpleRNN(32) -> Dense(1, sigmoid), on reviews of any length."""
    for num_words in (10000, int(rng.integers(100, 5000))):
        check_classifier(text_rnns.build_simple_rnn_classifier, num_words, [recurrent("SimpleRNN", 32, 32)],
                         f"build_simple_rnn_classifier(num_words={num_words})")


@pytest.mark.points(2)
def test_stacked_simple_rnn(text_rnns, rng):
    """build_stacked_simple_rnn: num_layers SimpleRNN(32), return_sequences=True on all but the last."""
    for num_words, num_layers in ((10000, 4), (int(rng.integers(100, 5000)), int(rng.integers(2, 7)))):
        what = f"build_stacked_simple_rnn(num_words={num_words}, num_layers={num_layers})"
        record = text_rnns.build_stacked_simple_rnn(num_words, num_layers)
        stack = [recurrent("SimpleRNN", 32, 32, return_sequences=True) for _ in range(num_layers - 1)] + [recurrent("SimpleRNN", 32, 32)]
        assert_architecture(record, [embedding(num_words), *stack, {**HEAD, "params": 33}], what)
        assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", metric="accuracy")


@pytest.mark.points(2)
def test_lstm_classifier(text_rnns, rng):
    """build_lstm_classifier: Embedding(num_words, 32) -> LSTM(32) -> Dense(1, sigmoid)."""
    for num_words in (10000, int(rng.integers(100, 5000))):
        check_classifier(text_rnns.build_lstm_classifier, num_words, [recurrent("LSTM", 32, 32, gates=4)],
                         f"build_lstm_classifier(num_words={num_words})")


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_lstm_learns(text_rnns, reviews, floors):
    """build_lstm_classifier, rebuilt with the grader's weights, classifies the test reviews above the floor."""
    data = reviews(LSTM_WORDS, LSTM_MAXLEN)
    what = f"build_lstm_classifier(num_words={LSTM_WORDS})"
    model = train_within_budget(text_rnns.build_lstm_classifier(LSTM_WORDS), (data["x_train"], data["y_train"]), LSTM_BUDGET,
                                what=what).model
    floors.check("lstm_test_accuracy", accuracy_of(model, data["x_test"], data["y_test"]),
                 f"test accuracy of {what} after {LSTM_BUDGET.describe()} on the last {LSTM_MAXLEN} words (majority class 0.658)", HIGHER)


@pytest.mark.points(2)
def test_bidirectional_lstm(text_rnns, rng):
    """build_bidirectional_lstm: Embedding(num_words, 32) -> Bidirectional(LSTM(32)) -> Dense(1, sigmoid), outputs concatenated."""
    for num_words in (10000, int(rng.integers(100, 5000))):
        what = f"build_bidirectional_lstm(num_words={num_words})"
        bidirectional = {"class": "Bidirectional", "output_shape": (None, 64), "params": 2 * 4 * 32 * (32 + 32 + 1)}
        record = check_classifier(text_rnns.build_bidirectional_lstm, num_words, [bidirectional], what)
        wrapper = next(layer for layer in record.layers if layer.class_name == "Bidirectional")
        inner = (wrapper.full_config.get("layer") or {})
        inner_config = inner.get("config") or {}
        expect(inner.get("class_name") == "LSTM" and inner_config.get("units") == 32 and not inner_config.get("return_sequences"),
               f"{what}: the Bidirectional layer should wrap LSTM(32) returning its last output, got "
               f"{inner.get('class_name')}(units={inner_config.get('units')}, return_sequences={inner_config.get('return_sequences')})")
        expect(wrapper.full_config.get("merge_mode", "concat") == "concat",
               f"{what}: the two directions should be concatenated (merge_mode='concat'), got {wrapper.full_config.get('merge_mode')!r}")
