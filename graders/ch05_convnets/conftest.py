"""The grader's own data and pretrained networks for chapter 5, built once per session.

Training graders use these arrays and models, never the student's preprocessing, so
one unfinished function does not cost the points of another exercise. Sizes are the
book's scaled down to the kit's budget (see the chapter README):

- MNIST: 4,000 + 1,000 real digits (book: 60,000 + 10,000).
- small data: 600 training + 500 validation images of 32 x 32 (book: 2,000 + 1,000 of 150 x 150).
- transfer: 200 training + 300 validation images of 64 x 64 through EfficientNet-Lite0.
"""

import numpy as np
import pytest

from kerakit.data import mnist, shapes

SMALL_TRAIN, SMALL_VALIDATION, SMALL_SIZE = 600, 500, 32
TRANSFER_TRAIN, TRANSFER_VALIDATION, TRANSFER_SIZE, TRANSFER_SEED = 200, 300, 64, 1


@pytest.fixture(scope="session")
def mnist_arrays():
    """Return dict(x_train, y_train, x_test, y_test): (n, 28, 28, 1) float32 in [0, 1] and one-hot labels."""
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    eye = np.eye(10, dtype="float32")
    return {
        "x_train": (x_train.astype("float32") / 255.0)[..., None], "y_train": eye[y_train],
        "x_test": (x_test.astype("float32") / 255.0)[..., None], "y_test": eye[y_test],
    }


@pytest.fixture(scope="session")
def small_images():
    """Return dict(x_train, y_train, x_val, y_val): ellipses (0) vs triangles (1), 32 x 32, float32 0-255."""
    (x_train, y_train), (x_val, y_val) = shapes.load_data(SMALL_TRAIN, SMALL_VALIDATION, SMALL_SIZE)
    return {"x_train": x_train.astype("float32"), "y_train": y_train.astype("float32"),
            "x_val": x_val.astype("float32"), "y_val": y_val.astype("float32")}


@pytest.fixture(scope="session")
def transfer_images():
    """Return dict(x_train, y_train, x_val, y_val): the transfer task, 64 x 64 shape images, float32 0-255."""
    (x_train, y_train), (x_val, y_val) = shapes.load_data(TRANSFER_TRAIN, TRANSFER_VALIDATION, TRANSFER_SIZE, seed=TRANSFER_SEED)
    return {"x_train": x_train.astype("float32"), "y_train": y_train.astype("float32"),
            "x_val": x_val.astype("float32"), "y_val": y_val.astype("float32")}


@pytest.fixture(scope="session")
def transfer_features(transfer_images):
    """Return dict(train, val): the grader's own EfficientNet-Lite0 features (n, 1280) of the transfer images."""
    from kerakit import pretrained

    base = pretrained.load_base((TRANSFER_SIZE, TRANSFER_SIZE, 3), pooling="avg")
    return {split: np.asarray(base.predict(pretrained.preprocess_input(transfer_images[f"x_{split}"]), batch_size=64, verbose=0))
            for split in ("train", "val")}


@pytest.fixture(scope="session")
def imagenet_model():
    """Return EfficientNet-Lite0 with its ImageNet weights and classifier (224 x 224 input)."""
    from kerakit import pretrained

    return pretrained.load_model()
