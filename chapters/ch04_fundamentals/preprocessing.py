"""Chapter 4, exercise 2: preparing data for a network: standardisation and missing values.

Textbook: DLwP §4.3.1 "Data preprocessing for neural networks" (seed 000 §1.1.3 数据预处理;
seed 004 §4.3): values should be small and homogeneous, statistics come from the
training data only, and a missing value may be 0 as long as 0 means nothing else.
"""

import numpy as np


def fit_standardization(train_data):
    """Return (mean, std), two (features,) arrays: the per-feature statistics of the training data.

    A feature that is constant in the training data has std 0; dividing by it would give
    NaN or infinity, so its std is returned as 1.0 instead (the feature then becomes 0).

    Args:
        train_data: float array, shape (n_train, features).

    Textbook: DLwP §4.3.1 "Value normalization" and §3.6.2; seed 000 §1.1.3 (值标准化).
    """
    raise NotImplementedError("mean and std over axis 0; replace a std of 0 with 1.0")


def standardize(train_data, test_data):
    """Return (train_standardized, test_standardized), both scaled with the TRAINING statistics.

    Fit the statistics on `train_data` only (`fit_standardization`) and apply them to both:
    `(data - mean) / std`. Statistics that include the test data leak it into the model.

    Args:
        train_data: float array, shape (n_train, features).
        test_data: float array, shape (n_test, features).

    Returns:
        Two float arrays with the shapes of the inputs; the inputs are left unchanged.

    Textbook: DLwP §4.3.1; seed 000 §1.1.3; ch03's `boston.standardize`.
    """
    raise NotImplementedError("fit on train_data, apply the same mean and std to both")


def fill_missing(data):
    """Return a (n, 2 * features) float32 array: the values with NaN replaced by 0, then one indicator per feature.

    Columns 0..features-1 hold `data` with every missing value (NaN) set to 0.0.
    Columns features..2*features-1 hold 1.0 where the value was missing and 0.0 elsewhere,
    so the network can tell a real 0 from a missing one. Every feature gets its indicator,
    missing values or not, so training and test data always have the same columns.

    Args:
        data: float array, shape (n, features), NaN marking a missing value.

    Example:
        >>> fill_missing(np.array([[1.0, np.nan]]))
        array([[1., 0., 0., 1.]], dtype=float32)

    Textbook: DLwP §4.3.1 "Handling missing values"; seed 000 §1.1.3 (处理缺失值).
    """
    # Hint: np.isnan(data) is the indicator; do not modify `data` in place.
    raise NotImplementedError("np.isnan gives the mask; np.where fills, np.concatenate appends the mask as columns")


def prepare_features(train_data, test_data):
    """Return (train_ready, test_ready): standardised with training statistics, then missing values filled.

    The universal workflow's data preparation in one step. Compute each feature's mean and
    std from the training values that are present (ignore NaN; a std of 0 becomes 1.0),
    standardise both arrays with them, then `fill_missing` both. After standardising, a
    missing value filled with 0 sits at the training mean, and its indicator says it was missing.

    Args:
        train_data: float array, shape (n_train, features), NaN for missing values.
        test_data: float array, shape (n_test, features), NaN for missing values.

    Returns:
        Two float32 arrays, shapes (n_train, 2 * features) and (n_test, 2 * features).

    Textbook: DLwP §4.3.1 and §4.5.5 "Preparing your data"; seed 000 §1.1.3 and §1.1.6.
    """
    # Hint: np.nanmean and np.nanstd skip the missing values.
    raise NotImplementedError("nanmean / nanstd over the training rows, standardise both, then fill_missing both")
