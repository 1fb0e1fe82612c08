"""The grader's own data for chapter 7, loaded once per grader module that uses it.

Training graders use these arrays, never the student's preprocessing, so one
unfinished function does not cost the points of another exercise:

- digits: the kit's 4,000 + 1,000 real MNIST digits.
"""

import pytest

from kerakit.data import mnist


@pytest.fixture(scope="session")
def digits():
    """Return dict(x_train, y_train, x_test, y_test): (n, 28, 28, 1) float32 pixels 0-255 and integer labels."""
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    return {"x_train": x_train.astype("float32")[..., None], "y_train": y_train.astype("int64"),
            "x_test": x_test.astype("float32")[..., None], "y_test": y_test.astype("int64")}
