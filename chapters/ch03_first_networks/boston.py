"""Chapter 3, exercise 3: predicting house prices (scalar regression) with K-fold validation.

Textbook: DLwP §3.6 (seed 004 §3.6; seed 000/001 §2.3 "回归问题").
Data: `kerakit.data.boston_housing.load_data()`: 404 training and 102 test samples,
13 features, targets in thousands of dollars (real data, Keras's own split).
"""

import numpy as np
import keras
from keras import layers


def standardize(train_data, test_data):
    """Return (train_standardized, test_standardized), both scaled with the TRAINING statistics.

    Each feature (column) gets the training data's mean subtracted and is divided by
    the training data's standard deviation. The test data must never influence the
    statistics: that would leak information about the test set into the model.

    Args:
        train_data: float array, shape (n_train, features).
        test_data: float array, shape (n_test, features).

    Textbook: DLwP §3.6.2 "Preparing the data"; seed 000 §2.3 (数据清洗—标准化).
    """
    raise NotImplementedError("compute mean and std over axis 0 of train_data only")


def build_boston_model(num_features=13):
    """Return the book's compiled regression model: Dense(64, relu) -> Dense(64, relu) -> Dense(1).

    The last layer has no activation, so it can predict any value. At 13 features the
    model has 5,121 parameters. Compile with rmsprop, the mse loss and the mae metric.

    Textbook: DLwP §3.6.3 "Building your network".
    """
    raise NotImplementedError("three Dense layers, the last one linear; compile with mse and mae")


def k_fold_validation(build_model, data, targets, k=4, num_epochs=100, batch_size=1):
    """Return the list of the k validation MAEs of K-fold cross-validation.

    Split the samples, in order, into k folds of `len(data) // k` samples (the last
    `len(data) % k` samples are never validated, as in the book). For fold i: build a
    fresh model with `build_model()`, fit it on the other folds for `num_epochs` epochs
    with `batch_size` and `verbose=0`, evaluate it on fold i, and keep the MAE.

    Args:
        build_model: a function with no arguments returning a compiled model whose
            `evaluate` returns [mse, mae].
        data, targets: the training samples and their targets.
        k: the number of folds (4 in the book).

    Returns:
        [mae_fold_0, ..., mae_fold_{k-1}] as Python floats.

    Textbook: DLwP §3.6.4 "Validating your approach using K-fold validation".
    """
    # Hint: np.concatenate joins the parts before and after the validation fold.
    raise NotImplementedError("fold i is data[i * n : (i + 1) * n] with n = len(data) // k")
