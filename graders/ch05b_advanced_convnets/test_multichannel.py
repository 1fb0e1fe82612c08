"""Graders for chapter 5b, exercise 1: multichannel and 1 x 1 convolutions (seed 002), checked against real Conv2D layers."""

import numpy as np
import pytest

from kerakit.grading import assert_architecture, expect, expect_array, expect_close, expect_sequence, student_module

multichannel = student_module("multichannel")


def keras_conv(kernels, biases, stride):
    """Return the grader's Conv2D holding `kernels` and `biases` (valid padding, no activation)."""
    from keras import layers

    f, _, channels, filters = kernels.shape
    layer = layers.Conv2D(filters, f, strides=stride)
    layer.build((None, None, None, channels))
    layer.set_weights([kernels.astype("float32"), biases.astype("float32")])
    return layer


@pytest.mark.points(4)
def test_multichannel_conv2d(multichannel, rng):
    """multichannel_conv2d sums over the window and every input channel, as Conv2D does, on random inputs and strides."""
    cases = [(2, 9, 9, 3, 3, 4, 1)] + [
        (int(rng.integers(1, 4)), int(rng.integers(6, 14)), int(rng.integers(6, 14)), int(rng.integers(1, 6)),
         int(rng.integers(1, 5)), int(rng.integers(1, 6)), int(rng.integers(1, 4))) for _ in range(5)]
    for n, height, width, channels, f, filters, stride in cases:
        images = rng.normal(size=(n, height, width, channels))
        kernels, biases = rng.normal(size=(f, f, channels, filters)), rng.normal(size=filters)
        expected = np.asarray(keras_conv(kernels, biases, stride)(images.astype("float32")))
        what = (f"multichannel_conv2d(images {images.shape}, kernels {kernels.shape}, biases ({filters},), stride={stride})")
        got = expect_array(multichannel.multichannel_conv2d(images, kernels, biases, stride=stride), what,
                           shape=expected.shape, kinds="f")
        expect_close(got, expected, what + " (compared with keras.layers.Conv2D holding the same weights)", rtol=1e-4, atol=1e-4)


POINTWISE_LAYERS = [{"class": "Conv2D", "filters": 16, "kernel_size": (1, 1), "output_shape": (None, 24, 24, 16),
                     "params": 128 * 16 + 16}]


@pytest.mark.points(2)
def test_pointwise_reduction(multichannel, rng):
    """build_pointwise_reduction is one 1 x 1 Conv2D: (24, 24, 128) -> (24, 24, 16), and likewise for other sizes."""
    assert_architecture(multichannel.build_pointwise_reduction(), POINTWISE_LAYERS, "build_pointwise_reduction()")
    for _ in range(2):
        size, channels, filters = int(rng.integers(5, 30)), int(rng.integers(2, 200)), int(rng.integers(1, 40))
        what = f"build_pointwise_reduction(input_shape=({size}, {size}, {channels}), filters={filters})"
        record = multichannel.build_pointwise_reduction(input_shape=(size, size, channels), filters=filters)
        assert_architecture(record, [{"class": "Conv2D", "filters": filters, "kernel_size": (1, 1),
                                      "output_shape": (None, size, size, filters), "params": channels * filters + filters}], what)


@pytest.mark.points(3)
def test_conv_cost(multichannel, rng):
    """conv_cost gives a Conv2D's parameters (as Keras counts them) and its multiplications, on random configurations."""
    from keras import layers

    cases = [(28, 28, 1, 3, 32, "valid", 1), (24, 24, 128, 1, 16, "valid", 1)] + [
        (int(rng.integers(8, 60)), int(rng.integers(8, 60)), int(rng.integers(1, 64)), int(rng.choice([1, 3, 5, 7])),
         int(rng.integers(1, 65)), str(rng.choice(["valid", "same"])), int(rng.integers(1, 4))) for _ in range(10)]
    for height, width, channels, f, filters, padding, stride in cases:
        layer = layers.Conv2D(filters, f, strides=stride, padding=padding)
        layer.build((None, height, width, channels))
        _, out_height, out_width, _ = layer.compute_output_shape((None, height, width, channels))
        expected = (layer.count_params(), int(out_height) * int(out_width) * filters * f * f * channels)
        what = f"conv_cost({height}, {width}, {channels}, f={f}, filters={filters}, padding={padding!r}, stride={stride})"
        got = expect_sequence(multichannel.conv_cost(height, width, channels, f, filters, padding=padding, stride=stride), what, 2,
                              "(parameters, multiplications)")
        for value in got:
            expect(isinstance(value, int) and not isinstance(value, bool), f"{what} should return two ints, got {got!r}")
        expect(got[0] == expected[0], f"{what}: expected {expected[0]:,} parameters (what keras.layers.Conv2D has), got {got[0]:,}")
        expect(got[1] == expected[1], f"{what}: expected {expected[1]:,} multiplications "
                                      f"({int(out_height)} x {int(out_width)} output pixels x {filters} kernels x {f}x{f}x{channels}), "
                                      f"got {got[1]:,}")
