"""Graders for chapter 5b, exercise 2: inception modules and their parameter economics (seed 002, figures 4-1, 4-2, 4-4).

The parameter counts are the seed's, read from the models the student builds (never
typed-in numbers), and again for random channel and filter counts so that a builder
that ignores its arguments loses the points. Branches are compared path by path, so
any build order and any concatenation order pass.
"""

import pytest

from kerakit.grading import (HIGHER, Budget, accuracy_of, assert_branches, assert_compiled_with, expect, student_module,
                             train_within_budget)

inception = student_module("inception")

CLASSIFIER_BUDGET = Budget(epochs=2, batch_size=64, train_samples=2000)  # MNIST digits; the seed: 50 epochs on CIFAR-10
CLASSIFIER_FILTERS = 16  # the towers are graded narrower than the seed's 64 so a run takes seconds


def conv(filters, size, channels=None):
    """Return the spec of Conv2D(filters, size x size, relu, same), with its parameter count when `channels` is known."""
    spec = {"class": "Conv2D", "filters": filters, "kernel_size": (size, size), "padding": "same", "activation": "relu"}
    if channels is not None:
        spec["params"] = (size * size * channels + 1) * filters
    return spec


POOL = {"class": "MaxPooling2D", "pool_size": (3, 3), "strides": (1, 1), "padding": "same", "params": 0}
CONCAT = {"class": "Concatenate", "params": 0}


def naive_paths(channels, filters):
    return [[conv(filters, 1, channels), CONCAT], [conv(filters, 3, channels), CONCAT], [conv(filters, 5, channels), CONCAT],
            [POOL, CONCAT]]


def reduced_paths(channels, filters, reduction):
    return [[conv(filters, 1, channels), CONCAT],
            [conv(reduction, 1, channels), conv(filters, 3, reduction), CONCAT],
            [conv(reduction, 1, channels), conv(filters, 5, reduction), CONCAT],
            [POOL, conv(filters, 1, channels), CONCAT]]


def tower_paths(channels, filters, before=()):
    return [[*before, conv(filters, 1, channels), conv(filters, 3, filters), CONCAT],
            [*before, conv(filters, 1, channels), conv(filters, 5, filters), CONCAT],
            [*before, POOL, conv(filters, 1, channels), CONCAT]]


def expect_total(record, expected, what):
    expect(record.total_params == expected, f"{what} should have {expected:,} parameters, it has {record.total_params:,}")


def expect_output(record, shape, what):
    got = tuple(record.summary.output_shape or ())
    expect(got == shape, f"{what} should output {shape}, it outputs {got}")


def random_module_sizes(rng):
    return int(rng.integers(8, 20)), int(rng.integers(2, 40)), int(rng.integers(2, 12))


@pytest.mark.points(3)
def test_naive_inception(inception, rng):
    """build_naive_inception: 1x1, 3x3, 5x5 and pooling in parallel, 1,216 parameters on an MNIST digit (seed: 64 + 320 + 832 + 0)."""
    what = "build_naive_inception()"
    record = inception.build_naive_inception()
    assert_branches(record, naive_paths(1, 32), what)
    expect_total(record, 1216, what)
    expect_output(record, (None, 28, 28, 97), what + " (3 x 32 kernels + the pooled input's 1 channel)")
    size, channels, filters = random_module_sizes(rng)
    what = f"build_naive_inception(input_shape=({size}, {size}, {channels}), filters={filters})"
    record = inception.build_naive_inception(input_shape=(size, size, channels), filters=filters)
    assert_branches(record, naive_paths(channels, filters), what)
    expect_output(record, (None, size, size, 3 * filters + channels), what)


@pytest.mark.points(2)
def test_stacked_convolutions(inception, rng):
    """build_stacked_convolutions: the same three convolutions in sequence, 64 + 9,248 + 25,632 = 34,944 parameters."""
    what = "build_stacked_convolutions()"
    record = inception.build_stacked_convolutions()
    assert_branches(record, [[conv(32, 1, 1), conv(32, 3, 32), conv(32, 5, 32)]], what)
    expect_total(record, 34_944, what)
    size, channels, filters = random_module_sizes(rng)
    what = f"build_stacked_convolutions(input_shape=({size}, {size}, {channels}), filters={filters})"
    record = inception.build_stacked_convolutions(input_shape=(size, size, channels), filters=filters)
    assert_branches(record, [[conv(filters, 1, channels), conv(filters, 3, filters), conv(filters, 5, filters)]], what)
    expect_output(record, (None, size, size, filters), what)


@pytest.mark.points(3)
def test_reduced_inception(inception, rng):
    """build_reduced_inception: 1x1 reductions before the 3x3 and 5x5 and after the pooling, 10,416 parameters (naive: 71,704)."""
    what = "build_reduced_inception()"
    record = inception.build_reduced_inception()
    assert_branches(record, reduced_paths(256, 8, 8), what)
    expect_total(record, 10_416, what)
    expect_output(record, (None, 28, 28, 32), what)
    naive = inception.build_naive_inception(input_shape=(28, 28, 256), filters=8)
    expect_total(naive, 71_704, "build_naive_inception(input_shape=(28, 28, 256), filters=8)")
    size, channels, filters = random_module_sizes(rng)
    reduction = int(rng.integers(2, 12))
    what = f"build_reduced_inception(input_shape=({size}, {size}, {channels}), filters={filters}, reduction={reduction})"
    record = inception.build_reduced_inception(input_shape=(size, size, channels), filters=filters, reduction=reduction)
    assert_branches(record, reduced_paths(channels, filters, reduction), what)
    expect_output(record, (None, size, size, 4 * filters), what)


@pytest.mark.points(3)
def test_inception_module(inception, rng):
    """build_inception_module: the seed's three towers of 64 filters on (32, 32, 3), padding same, concatenated to 192 channels."""
    what = "build_inception_module()"
    record = inception.build_inception_module()
    assert_branches(record, tower_paths(3, 64), what)
    expect_output(record, (None, 32, 32, 192), what)
    for _ in range(2):
        height, width, channels = int(rng.integers(5, 40)), int(rng.integers(5, 40)), int(rng.integers(1, 8))
        filters = int(rng.integers(2, 20))
        what = f"build_inception_module(input_shape=({height}, {width}, {channels}), filters={filters})"
        record = inception.build_inception_module(input_shape=(height, width, channels), filters=filters)
        assert_branches(record, tower_paths(channels, filters), what)
        expect_output(record, (None, height, width, 3 * filters), what)


def classifier_paths(filters, num_classes):
    head = [{"class": "Flatten"}, {"class": "Dense", "units": num_classes, "activation": "softmax"}]
    rescale = {"class": "Rescaling", "scale": 1 / 255, "offset": 0.0}
    return [path[:-1] + [CONCAT, *head] for path in tower_paths(3, filters, before=(rescale,))]


@pytest.mark.points(2)
def test_inception_classifier_architecture(inception):
    """build_inception_classifier: Rescaling, the towers, Flatten, Dense softmax; Adam at its default rate, categorical_crossentropy."""
    what = "build_inception_classifier()"
    record = inception.build_inception_classifier()
    assert_branches(record, classifier_paths(64, 10), what)
    assert_compiled_with(record, what, optimizer="Adam", loss="categorical_crossentropy", metric="accuracy", learning_rate=1e-3)
    what = f"build_inception_classifier(filters={CLASSIFIER_FILTERS}, num_classes=2)"
    assert_branches(inception.build_inception_classifier(filters=CLASSIFIER_FILTERS, num_classes=2),
                    classifier_paths(CLASSIFIER_FILTERS, 2), what)


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_inception_classifier_trains(inception, digits, floors):
    """The inception classifier, rebuilt with the grader's weights, learns the kit's MNIST digits (28 x 28 x 1) in two epochs."""
    import numpy as np

    what = f"build_inception_classifier(input_shape=(28, 28, 1), filters={CLASSIFIER_FILTERS}, num_classes=10)"
    record = inception.build_inception_classifier(input_shape=(28, 28, 1), filters=CLASSIFIER_FILTERS, num_classes=10)
    eye = np.eye(10, dtype="float32")
    model = train_within_budget(record, (digits["x_train"], eye[digits["y_train"]]), CLASSIFIER_BUDGET, what=what).model
    floors.check("inception_test_accuracy", accuracy_of(model, digits["x_test"], digits["y_test"]),
                 f"test accuracy on the kit's 1,000 test digits after {CLASSIFIER_BUDGET.describe()}", HIGHER)
