"""Graders for chapter 5, exercise 2: the book's MNIST convnet (DLwP §5.1, listings 5.1–5.3)."""

import numpy as np
import pytest

from kerakit.grading import HIGHER, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, expect_sequence, expect_close, student_module, train_within_budget

mnist_convnet = student_module("mnist_convnet")

BUDGET = Budget(epochs=2, batch_size=64)  # the book: 5 epochs x batch 64 on 60,000 digits; 4,000 here

MNIST_CONVNET = [
    {"class": "Conv2D", "filters": 32, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 26, 26, 32), "params": 320},
    {"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, 13, 13, 32), "params": 0},
    {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 11, 11, 64), "params": 18496},
    {"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, 5, 5, 64), "params": 0},
    {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 3, 3, 64), "params": 36928},
    {"class": "Flatten", "output_shape": (None, 576), "params": 0},
    {"class": "Dense", "units": 64, "activation": "relu", "output_shape": (None, 64), "params": 36928},
    {"class": "Dense", "units": 10, "activation": "softmax", "output_shape": (None, 10), "params": 650},
]


@pytest.mark.points(2)
def test_prepare_mnist(mnist_convnet, rng):
    """prepare_mnist adds the channels axis, scales to [0, 1] and one-hot encodes the labels."""
    count = int(rng.integers(5, 50))
    images = rng.integers(0, 256, size=(count, 28, 28)).astype("uint8")
    labels = rng.integers(0, 10, size=count).astype("uint8")
    result = mnist_convnet.prepare_mnist(images, labels)
    result = expect_sequence(result, "prepare_mnist(images, labels)", 2, "(x, y)")
    x, y = result
    expect_close(x, images.reshape(count, 28, 28, 1) / 255.0, f"x from prepare_mnist(<{count} digits>)")
    expect_close(y, np.eye(10)[labels], f"y from prepare_mnist(<{count} digits>) (one-hot rows)")


@pytest.mark.points(3)
def test_mnist_convnet_architecture(mnist_convnet):
    """build_mnist_convnet is the book's 3-conv model: 93,322 parameters, first conv (26, 26, 32), first pool (13, 13, 32)."""
    summary = assert_architecture(mnist_convnet.build_mnist_convnet(), MNIST_CONVNET, what="build_mnist_convnet()")
    expect(summary.total_params == 93322, f"build_mnist_convnet() should have 93,322 parameters, got {summary.total_params:,}")


@pytest.mark.points(1)
def test_mnist_convnet_compile(mnist_convnet):
    """build_mnist_convnet compiles with rmsprop, categorical_crossentropy and accuracy."""
    assert_compiled_with(mnist_convnet.build_mnist_convnet(), "build_mnist_convnet()", optimizer="RMSprop",
                         loss="categorical_crossentropy", metric="accuracy")


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_mnist_convnet_trains(mnist_convnet, mnist_arrays, floors):
    """build_mnist_convnet reaches the calibrated test accuracy on the offline MNIST digits in 2 epochs."""
    data = mnist_arrays
    model = train_within_budget(mnist_convnet.build_mnist_convnet(), (data["x_train"], data["y_train"]), BUDGET,
                                what="build_mnist_convnet()").model
    floors.check("mnist_test_accuracy", accuracy_of(model, data["x_test"], data["y_test"]),
                 f"MNIST test accuracy after {BUDGET.describe()} on 4000 digits", HIGHER)
