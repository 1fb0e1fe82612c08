"""Graders for chapter 5, exercise 1: convolution arithmetic, checked against real Keras layers (DLwP §5.1.1–5.1.2)."""

import numpy as np
import pytest

from kerakit.grading import expect, student_module

conv_arithmetic = student_module("conv_arithmetic")


def keras_output_length(layer, n):
    """Return the output width Keras computes for `layer` on an (n, n, 1) input."""
    return int(layer.compute_output_shape((1, n, n, 1))[2])


def random_configurations(rng, count=25):
    """Yield (n, f, padding, stride) for random convolutions that fit their input."""
    for _ in range(count):
        f = int(rng.integers(1, 8))
        n = int(rng.integers(f, 70))
        yield n, f, str(rng.choice(["valid", "same"])), int(rng.integers(1, 5))


def as_int(value, what):
    expect(isinstance(value, (int, np.integer)) and not isinstance(value, bool),
           f"{what} should return an int, got {type(value).__name__} {value!r}")
    return int(value)


@pytest.mark.points(3)
def test_conv_output_size(conv_arithmetic, rng):
    """conv_output_size matches real Conv2D layers for valid and same padding and any stride."""
    from keras import layers

    for n, f, padding, stride in [(28, 3, "valid", 1), (150, 3, "valid", 1), *random_configurations(rng)]:
        expected = keras_output_length(layers.Conv2D(1, f, strides=stride, padding=padding), n)
        what = f"conv_output_size(n={n}, f={f}, padding={padding!r}, stride={stride})"
        got = as_int(conv_arithmetic.conv_output_size(n, f, padding=padding, stride=stride), what)
        expect(got == expected, f"{what}: expected {expected} (what keras.layers.Conv2D gives), got {got}")


@pytest.mark.points(1)
def test_same_padding(conv_arithmetic):
    """same_padding gives the padding that keeps the size at stride 1 for odd windows."""
    for f in (1, 3, 5, 7, 11):
        got = as_int(conv_arithmetic.same_padding(f), f"same_padding({f})")
        expect(got == (f - 1) // 2, f"same_padding({f}): expected {(f - 1) // 2} (so that n + 2p - f + 1 = n), got {got}")


@pytest.mark.points(2)
def test_pool_output_size(conv_arithmetic, rng):
    """pool_output_size matches real MaxPooling2D layers, with the default stride and others."""
    from keras import layers

    cases = [(26, 2, None, "valid"), (11, 2, None, "valid")]
    for _ in range(20):
        pool = int(rng.integers(1, 5))
        cases.append((int(rng.integers(pool, 60)), pool, None if rng.uniform() < 0.5 else int(rng.integers(1, 4)),
                      str(rng.choice(["valid", "same"]))))
    for n, pool, stride, padding in cases:
        expected = keras_output_length(layers.MaxPooling2D(pool, strides=stride, padding=padding), n)
        what = f"pool_output_size(n={n}, pool_size={pool}, stride={stride}, padding={padding!r})"
        got = as_int(conv_arithmetic.pool_output_size(n, pool_size=pool, stride=stride, padding=padding), what)
        expect(got == expected, f"{what}: expected {expected} (what keras.layers.MaxPooling2D gives), got {got}")


@pytest.mark.points(2)
def test_conv_params(conv_arithmetic, rng):
    """conv_params matches the parameter count of real Conv2D layers, with and without bias."""
    import keras
    from keras import layers

    cases = [(3, 1, 32, True), (3, 32, 64, True)] + [
        (int(rng.integers(1, 6)), int(rng.integers(1, 20)), int(rng.integers(1, 40)), bool(rng.uniform() < 0.7)) for _ in range(8)]
    for f, channels, filters, bias in cases:
        layer = layers.Conv2D(filters, f, use_bias=bias)
        layer.build((None, 16, 16, channels))
        expected = layer.count_params()
        what = f"conv_params(f={f}, in_channels={channels}, filters={filters}, use_bias={bias})"
        got = as_int(conv_arithmetic.conv_params(f, channels, filters, use_bias=bias), what)
        expect(got == expected, f"{what}: expected {expected:,} (what keras.layers.Conv2D has), got {got:,}")
    del keras
