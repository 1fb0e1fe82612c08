"""summarize_model and assert_architecture on tiny Keras models."""

from __future__ import annotations

import keras
import pytest

from kerakit.grading.errors import GradingFailure
from kerakit.grading.model_summary import assert_architecture, expected_layers, summarize_model

layers = keras.layers


def sequential(input_shape, *stack):
    return keras.Sequential([keras.Input(input_shape), *stack])


def functional(input_shape, *stack):
    inputs = keras.Input(input_shape)
    x = inputs
    for layer in stack:
        x = layer(x)
    return keras.Model(inputs, x)


def dense_stack(sizes, activations):
    return [layers.Dense(units, activation=activation) for units, activation in zip(sizes, activations)]


IMDB_LAYERS = [
    {"class": "Dense", "units": 16, "activation": "relu", "output_shape": (None, 16), "params": 160_016},
    {"class": "Dense", "units": 16, "activation": "relu", "output_shape": (None, 16), "params": 272},
    {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1), "params": 17},
]


def imdb_model(build=sequential):
    return build((10000,), *dense_stack([16, 16, 1], ["relu", "relu", "sigmoid"]))


def first_difference(expected, model):
    """Return the first line of assert_architecture's failure, or None when the model matches."""
    try:
        assert_architecture(model, expected)
    except GradingFailure as failure:
        return str(failure).splitlines()[0]
    return None


# --- summarize_model ---------------------------------------------------------------


def test_sequential_and_functional_summaries_are_equal():
    by_sequential = summarize_model(imdb_model(sequential))
    by_functional = summarize_model(imdb_model(functional))
    assert by_sequential.layers == by_functional.layers
    assert [layer.class_name for layer in by_functional.layers] == ["Dense", "Dense", "Dense"]  # no InputLayer
    assert by_functional.input_shape == (None, 10000)
    assert by_functional.output_shape == (None, 1)


def test_dense_then_activation_folds_into_dense():
    folded = summarize_model(sequential((8,), layers.Dense(16), layers.Activation("relu")))
    assert len(folded.layers) == 1
    assert folded.layers[0].class_name == "Dense"
    assert folded.layers[0].config["activation"] == "relu"
    assert folded.layers[0].params == 8 * 16 + 16

    written_out = summarize_model(sequential((8,), layers.Dense(16, activation="relu")))
    assert folded.layers == written_out.layers


def test_activation_after_a_non_linear_layer_stays_a_layer():
    summary = summarize_model(sequential((8,), layers.Dense(16, activation="relu"), layers.Activation("sigmoid")))
    assert [layer.class_name for layer in summary.layers] == ["Dense", "Activation"]


def test_not_a_model_is_a_grading_failure():
    with pytest.raises(GradingFailure, match="expected a keras.Model, got str"):
        summarize_model("my model")
    with pytest.raises(GradingFailure, match="got NoneType"):
        summarize_model(None)


# --- the book's parameter counts ------------------------------------------------------


@pytest.mark.parametrize(
    "input_size, sizes, activations, total",
    [
        pytest.param(10000, [16, 16, 1], ["relu", "relu", "sigmoid"], 160_305, id="imdb"),
        pytest.param(10000, [64, 64, 46], ["relu", "relu", "softmax"], 647_214, id="reuters"),
        pytest.param(13, [64, 64, 1], ["relu", "relu", None], 5_121, id="boston"),
    ],
)
def test_textbook_parameter_counts(input_size, sizes, activations, total):
    summary = summarize_model(sequential((input_size,), *dense_stack(sizes, activations)))
    assert summary.total_params == total
    assert summary.trainable_params == total


# --- architecture -------------------------------------------------------------------


def test_the_same_network_in_the_functional_api_matches():
    assert first_difference(IMDB_LAYERS, imdb_model(functional)) is None


def test_a_wrong_activation_is_found():
    model = sequential((10000,), *dense_stack([16, 16, 1], ["relu", "tanh", "sigmoid"]))
    what = first_difference(IMDB_LAYERS, model)
    assert "layer 2:" in what and "activation=relu" in what and "activation=tanh" in what


def test_a_look_alike_layer_class_is_not_kerass_own():
    class Dropout(keras.layers.Layer):  # does nothing, but is named like Keras's Dropout
        def __init__(self, rate, **kwargs):
            super().__init__(**kwargs)
            self.rate = rate

        def call(self, x):
            return x

        def get_config(self):
            return {**super().get_config(), "rate": self.rate}

    model = sequential((4,), Dropout(0.5))
    what = first_difference([{"class": "Dropout", "rate": 0.5}], model)
    assert "layer 1:" in what and "Keras's own Dropout" in what


def test_regularisers_on_biases_and_activity_are_compared():
    expected = [{"class": "Dense", "units": 2, "kernel_regularizer": "l2(0.001)", "bias_regularizer": None, "activity_regularizer": None}]
    assert first_difference(expected, sequential((4,), layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.001)))) is None
    both = sequential((4,), layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.001), bias_regularizer=keras.regularizers.l2(0.001)))
    assert "expected bias_regularizer=None, got bias_regularizer=l2(0.001)" in first_difference(expected, both)


def test_an_unbuilt_model_is_summarised_without_shapes_and_fails_a_shape_check():
    summary = summarize_model(keras.Sequential([layers.Dense(3)]))
    assert not summary.built and summary.layers[0].class_name == "Dense"
    with pytest.raises(GradingFailure, match=r"not built.*keras\.Input"):
        assert_architecture(keras.Sequential([layers.Dense(3)]), [{"class": "Dense", "output_shape": (None, 3)}])


# --- assert_architecture's message ------------------------------------------------------


def test_failure_names_the_first_differing_layer_and_shows_a_table():
    model = sequential((10000,), *dense_stack([16, 32, 1], ["relu", "relu", "sigmoid"]))
    with pytest.raises(GradingFailure) as caught:
        assert_architecture(model, IMDB_LAYERS, what="build_model()")
    message = str(caught.value)
    first, *table = message.splitlines()
    assert first == "build_model() differs at layer 2: Dense expected units=16, got units=32"
    assert "expected" in table[0] and "got" in table[0]
    rows = [row for row in table if row.strip()[:1].isdigit()]
    assert len(rows) == 3
    assert "<-- first difference" in rows[1]
    assert "<--" not in rows[0] and "<--" not in rows[2]
    assert "units=16" in rows[1] and "units=32" in rows[1]
    assert "160,016" in rows[0]
    assert "total params: expected 160,305, got 160,593" in message
    assert "=None" not in message  # unset settings (no regulariser) are not noise in the table


def test_assert_architecture_returns_the_summary_when_it_matches():
    summary = assert_architecture(imdb_model(), IMDB_LAYERS)
    assert summary.total_params == 160_305


def test_a_missing_layer():
    model = sequential((10000,), *dense_stack([16, 16], ["relu", "relu"]))
    with pytest.raises(GradingFailure, match=r"layer 3: expected a Dense layer, but the model has only 2 layers") as caught:
        assert_architecture(model, IMDB_LAYERS)
    assert "(no layer)" in str(caught.value)


def test_an_extra_layer():
    model = sequential((10000,), *dense_stack([16, 16, 1], ["relu", "relu", "sigmoid"]), layers.Dense(1))
    with pytest.raises(GradingFailure, match=r"layer 4: unexpected extra layer Dense \(expected 3 layers\)"):
        assert_architecture(model, IMDB_LAYERS)


def test_a_different_layer_class():
    model = sequential((10000,), layers.Dense(16, activation="relu"), layers.Dropout(0.5), layers.Dense(1, activation="sigmoid"))
    with pytest.raises(GradingFailure, match=r"layer 2: expected a Dense layer, got Dropout"):
        assert_architecture(model, IMDB_LAYERS)


# --- the config keys that are checked ---------------------------------------------------


def conv_model(**overrides):
    settings = dict(filters=4, kernel_size=3, strides=1, padding="valid", activation="relu") | overrides
    return sequential((8, 8, 1), layers.Conv2D(**settings))


CONV = {"class": "Conv2D", "filters": 4, "kernel_size": [3, 3], "strides": (1, 1), "padding": "valid", "activation": "relu",
        "output_shape": (None, 6, 6, 4), "params": 40}


def test_conv2d_settings_match():
    assert first_difference([CONV], conv_model()) is None


@pytest.mark.parametrize(
    "overrides, key",
    [
        ({"filters": 8}, "filters"),
        ({"kernel_size": 5}, "kernel_size"),
        ({"strides": 2}, "strides"),
        ({"padding": "same"}, "padding"),
    ],
)
def test_conv2d_setting_differs(overrides, key):
    what = first_difference([CONV], conv_model(**overrides))
    assert "layer 1:" in what and f"expected {key}=" in what


def test_dropout_rate():
    model = sequential((4,), layers.Dropout(0.3))
    assert first_difference([{"class": "Dropout", "rate": 0.3}], model) is None
    what = first_difference([{"class": "Dropout", "rate": 0.5}], model)
    assert "expected rate=0.5, got rate=0.3" in what


@pytest.mark.parametrize(
    "regularizer, text",
    [
        (keras.regularizers.l2(0.001), "l2(0.001)"),
        (keras.regularizers.l1(0.001), "l1(0.001)"),
        (keras.regularizers.l1_l2(l1=0.001, l2=0.001), "l1_l2(l1=0.001, l2=0.001)"),
    ],
)
def test_kernel_regularizer_is_read_as_text(regularizer, text):
    model = sequential((4,), layers.Dense(2, kernel_regularizer=regularizer))
    assert summarize_model(model).layers[0].config["kernel_regularizer"] == text


def test_kernel_regularizer_kind_and_strength_are_checked():
    expected = [{"class": "Dense", "units": 2, "kernel_regularizer": keras.regularizers.l2(0.001)}]
    assert first_difference(expected, sequential((4,), layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.001)))) is None
    for wrong, got in [
        (keras.regularizers.l1(0.001), "l1(0.001)"),
        (keras.regularizers.l1_l2(l1=0.001, l2=0.001), "l1_l2(l1=0.001, l2=0.001)"),
        (keras.regularizers.l2(0.01), "l2(0.01)"),
        (None, "None"),
    ]:
        what = first_difference(expected, sequential((4,), layers.Dense(2, kernel_regularizer=wrong)))
        assert what.endswith(f"Dense expected kernel_regularizer=l2(0.001), got kernel_regularizer={got}")


def test_return_sequences():
    expected = [{"class": "SimpleRNN", "units": 4, "return_sequences": True, "output_shape": (None, 5, 4)}]
    assert first_difference(expected, sequential((5, 3), layers.SimpleRNN(4, return_sequences=True))) is None
    what = first_difference(expected, sequential((5, 3), layers.SimpleRNN(4)))
    assert "expected return_sequences=True, got return_sequences=False" in what


def test_trainable_false():
    frozen = layers.Dense(3)
    frozen.trainable = False
    model = sequential((4,), frozen, layers.Dense(1))
    summary = summarize_model(model)
    assert summary.layers[0].config["trainable"] is False
    assert "trainable" not in summary.layers[1].config
    assert summary.trainable_params == 4 and summary.total_params == 19

    expected = [{"class": "Dense", "units": 3, "trainable": False}, {"class": "Dense", "units": 1, "trainable": True}]
    assert first_difference(expected, model) is None
    what = first_difference(expected, sequential((4,), layers.Dense(3), layers.Dense(1)))
    assert "layer 1:" in what and "expected trainable=False" in what


def test_expected_layers_leave_unnamed_keys_unchecked():
    (layer,) = expected_layers([{"class": "Dense"}])
    assert layer.output_shape is None and layer.params == -1 and dict(layer.config) == {}
    assert first_difference([{"class": "Dense"}], sequential((4,), layers.Dense(7, activation="tanh"))) is None
