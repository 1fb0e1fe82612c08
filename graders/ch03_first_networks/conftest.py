"""The grader's own data for chapter 3, loaded and vectorised once per session.

Training graders use these arrays, never the student's preprocessing, so one
unfinished function does not cost the points of another exercise.
"""

import pytest

from kerakit.data import boston_housing, imdb, reuters
from kerakit.data.encoding import multi_hot

VOCABULARY = 10000
IMDB_VALIDATION = 1000  # the book holds out 10,000 of 25,000; the offline set has 4,000
REUTERS_VALIDATION = 1000  # as in the book
REUTERS_TRAINING = 3000  # the training graders' budget uses the first 3,000 of the rest
# Multi-hot rows as uint8: the same 0/1 values as float32 in a quarter of the memory (grading stays under 1 GB).
ENCODING = "uint8"


@pytest.fixture(scope="session")
def imdb_arrays():
    """Return dict(x_train, y_train, x_val, y_val) of multi-hot IMDB-style data."""
    (train_sequences, train_labels), _ = imdb.load_data(num_words=VOCABULARY)
    x, y = multi_hot(train_sequences, VOCABULARY, ENCODING), train_labels.astype("float32")
    return {
        "x_train": x[IMDB_VALIDATION:], "y_train": y[IMDB_VALIDATION:],
        "x_val": x[:IMDB_VALIDATION], "y_val": y[:IMDB_VALIDATION],
    }


@pytest.fixture(scope="session")
def reuters_arrays():
    """Return dict(x_train, labels_train, x_val, labels_val) of multi-hot Reuters-style data (integer labels)."""
    (train_sequences, train_labels), _ = reuters.load_data(num_words=VOCABULARY)
    used = REUTERS_VALIDATION + REUTERS_TRAINING
    x, train_labels = multi_hot(train_sequences[:used], VOCABULARY, ENCODING), train_labels[:used]
    return {
        "x_train": x[REUTERS_VALIDATION:], "labels_train": train_labels[REUTERS_VALIDATION:],
        "x_val": x[:REUTERS_VALIDATION], "labels_val": train_labels[:REUTERS_VALIDATION],
    }


@pytest.fixture(scope="session")
def boston_arrays():
    """Return dict(x_train, y_train, x_test, y_test) of Boston housing, standardised with training statistics."""
    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    return {
        "x_train": ((x_train - mean) / std).astype("float32"), "y_train": y_train.astype("float32"),
        "x_test": ((x_test - mean) / std).astype("float32"), "y_test": y_test.astype("float32"),
    }
