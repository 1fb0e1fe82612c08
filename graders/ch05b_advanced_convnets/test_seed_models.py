"""Graders for chapter 5b, exercise 5: the seed's dogs-vs-cats models and the single-unit softmax bug (seed 002).

The parameter counts are the seed's printed ones. The VGG16 model is built at 32 x 32
(its count does not depend on the image size, thanks to the global pooling), without
downloading weights. The bug is measured: the grader computes the outputs and
gradients of its own models and compares what the student's code reports.
"""

import numpy as np
import pytest

from kerakit.grading import (assert_architecture, assert_compiled_with, expect, expect_array, expect_close, expect_sequence,
                             student_module)

seed_models = student_module("seed_models")

VGG16_BASE_PARAMS = 14_714_688


def small_cnn_layers(size):
    """Return the seed's small CNN at size x size x 3, layer by layer with Keras's output shapes and parameter counts."""
    layers, channels = [], 3
    for filters in (16, 64, 128):
        size -= 2
        layers.append({"class": "Conv2D", "filters": filters, "kernel_size": (3, 3), "activation": "relu",
                       "output_shape": (None, size, size, filters), "params": (9 * channels + 1) * filters})
        size //= 2
        layers.append({"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, size, size, filters), "params": 0})
        channels = filters
    flat = size * size * channels
    return layers + [{"class": "Flatten", "output_shape": (None, flat)},
                     {"class": "Dense", "units": 512, "activation": "relu", "params": flat * 512 + 512},
                     {"class": "Dense", "units": 1, "activation": "sigmoid", "params": 513}]


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_small_cats_dogs_cnn(seed_models, rng):
    """build_small_cats_dogs_cnn is the seed's 16/64/128-filter CNN: 19,024,513 parameters at 150 x 150 x 3; RMSprop."""
    what = "build_small_cats_dogs_cnn()"
    record = seed_models.build_small_cats_dogs_cnn()
    assert_architecture(record, small_cnn_layers(150), what)
    expect(record.total_params == 19_024_513, f"{what} should have 19,024,513 parameters, it has {record.total_params:,}")
    assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", metric="accuracy")
    size = int(rng.integers(40, 90))
    assert_architecture(seed_models.build_small_cats_dogs_cnn(input_shape=(size, size, 3)), small_cnn_layers(size),
                        f"build_small_cats_dogs_cnn(input_shape=({size}, {size}, 3))")


@pytest.mark.points(2)
def test_softmax(seed_models, rng):
    """softmax normalises over the last axis, survives large logits, and gives exactly 1 on a single unit."""
    cases = [rng.normal(size=(int(rng.integers(1, 20)), int(rng.integers(2, 12)))) * 5 for _ in range(3)]
    cases += [rng.normal(size=(4, 3, 6)), rng.normal(size=(6, 5)) + 1000.0, rng.normal(size=(7, 1)) * 50]
    for logits in cases:
        shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
        expected = shifted / shifted.sum(axis=-1, keepdims=True)
        what = f"softmax(<logits of shape {logits.shape}, values up to {logits.max():.0f}>)"
        got = expect_array(seed_models.softmax(logits), what, shape=logits.shape, kinds="f")
        expect(np.all(np.isfinite(got)), f"{what} contains inf or NaN: subtract each row's maximum before exp")
        expect_close(got, expected, what + " (over the LAST axis)", rtol=1e-6, atol=1e-9)


def grader_head(units, activation, features):
    import keras
    from keras import layers

    return keras.Sequential([keras.Input(shape=(features,)), layers.Dense(8, activation="relu"), layers.Dense(units, activation=activation)])


def grader_gradients(model, x):
    import tensorflow as tf

    with tf.GradientTape() as tape:
        total = tf.reduce_sum(model(x, training=False))
    return [np.zeros(w.shape) if g is None else np.asarray(g) for w, g in zip(model.trainable_weights, tape.gradient(total, model.trainable_weights))]


@pytest.mark.points(3)
def test_output_gradients_show_the_bug(seed_models, rng):
    """output_gradients matches the grader's GradientTape: Dense(1, softmax) predicts 1 with zero gradients, sigmoid does not."""
    import warnings

    features = int(rng.integers(3, 10))
    x = rng.normal(size=(int(rng.integers(4, 12)), features)).astype("float32")
    for units, activation in ((1, "softmax"), (1, "sigmoid"), (3, "softmax")):
        model = grader_head(units, activation, features)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Keras warns about a softmax over one unit: that is the point here
            expected_predictions = np.asarray(model(x, training=False))
            expected_gradients = grader_gradients(model, x)
            what = f"output_gradients(<Dense({units}, {activation}) model>, <{x.shape} inputs>)"
            predictions, gradients = expect_sequence(seed_models.output_gradients(model, x), what, 2, "(predictions, gradients)")
        expect_close(expect_array(predictions, f"predictions from {what}", shape=expected_predictions.shape), expected_predictions,
                     f"predictions from {what}", rtol=1e-5, atol=1e-6)
        gradients = expect_sequence(gradients, f"gradients from {what}", len(expected_gradients),
                                    "one array per trainable weight")
        for i, (got, want) in enumerate(zip(gradients, expected_gradients)):
            expect_close(expect_array(got, f"gradient {i} from {what}", shape=want.shape), want,
                         f"gradient {i} (of {model.trainable_weights[i].path}) from {what}", rtol=1e-4, atol=1e-6)


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_vgg16_transfer_head_is_fixed(seed_models):
    """build_vgg16_transfer: VGG16's base + pooling + Dense(1024) + a head that works: sigmoid for one unit, softmax for two."""
    import gc

    for outputs, total, activation, size in ((1, 15_241_025, "sigmoid", 32), (2, 15_242_050, "softmax", 48)):
        what = f"build_vgg16_transfer(num_outputs={outputs}, input_shape=({size}, {size}, 3))"
        record = seed_models.build_vgg16_transfer(num_outputs=outputs, input_shape=(size, size, 3))
        layers = record.layers
        expect(len(layers) >= 4, f"{what} should end with GlobalAveragePooling2D, Dense(1024) and the output Dense")
        assert_architecture(type(record.summary)(layers[-3:], None, None, 0, 0),
                            [{"class": "GlobalAveragePooling2D", "output_shape": (None, 512)},
                             {"class": "Dense", "units": 1024, "activation": "relu", "params": 525_312},
                             {"class": "Dense", "units": outputs, "activation": activation, "params": 1024 * outputs + outputs}],
                            what + " (its last three layers)")
        base = sum(layer.params for layer in layers[:-3])
        expect(base == VGG16_BASE_PARAMS, f"{what}: the layers before the pooling should be VGG16's convolutional base "
                                          f"({VGG16_BASE_PARAMS:,} parameters), got {base:,}")
        expect(record.total_params == total, f"{what} should have {total:,} parameters, it has {record.total_params:,}")
        del record, layers
        gc.collect()
