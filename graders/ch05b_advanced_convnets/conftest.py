"""The grader's own data for chapter 5b, loaded once per grader module that uses it.

Training graders use these arrays, never the student's preprocessing, so one
unfinished function does not cost the points of another exercise:

- digits: the kit's 4,000 + 1,000 real MNIST digits, split by the graders into a base
  task (digits 0-4) and a target task (digits 5-9).
- scanned_digits: scikit-learn's 1,797 real 8 x 8 digits (another scanner, another
  collection), redrawn the MNIST way: 0-255, a 20 x 20 digit in a 28 x 28 frame. The
  target dataset of the transfer claim, whose base dataset is all of MNIST.
"""

import pytest

from kerakit.data import mnist


@pytest.fixture(scope="session")
def digits():
    """Return dict(x_train, y_train, x_test, y_test): (n, 28, 28, 1) float32 pixels 0-255 and integer labels."""
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    return {"x_train": x_train.astype("float32")[..., None], "y_train": y_train.astype("int64"),
            "x_test": x_test.astype("float32")[..., None], "y_test": y_test.astype("int64")}


@pytest.fixture(scope="session")
def scanned_digits():
    """Return dict(x, y): scikit-learn's 8 x 8 digits as (1797, 28, 28, 1) float32 0-255 (bilinear 20 x 20, padded by 4), shuffled."""
    import numpy as np
    import tensorflow as tf
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = tf.image.resize(digits.images.astype("float32")[..., None] / 16.0 * 255.0, (20, 20)).numpy()
    images = np.pad(images, ((0, 0), (4, 4), (4, 4), (0, 0)))
    order = np.random.default_rng(0).permutation(len(images))
    return {"x": images[order].astype("float32"), "y": digits.target[order].astype("int64")}
