"""The grader's own data for chapter 6, loaded once per grader module that uses it.

Training graders use these arrays, never the student's preprocessing, so one
unfinished function does not cost the points of another exercise:

- review_texts: the kit's 4,000 + 1,000 raw reviews (kerakit.data.imdb.load_texts);
- reviews(num_words, maxlen): those reviews as word ids, pre-padded and pre-truncated.

(The weather graders load their series in test_weather.py: a fixture named `weather` here
would be hidden by the student's module of that name.)
"""

import functools

import numpy as np
import pytest

from kerakit.data import imdb


def pad_pre(sequences, maxlen):
    """Return an int32 (len(sequences), maxlen) array: the last maxlen ids of each sequence, zeros in front."""
    padded = np.zeros((len(sequences), maxlen), dtype="int32")
    for row, sequence in enumerate(sequences):
        kept = list(sequence)[-maxlen:]
        if kept:
            padded[row, -len(kept):] = kept
    return padded


@pytest.fixture(scope="session")
def review_texts():
    """Return dict(train_texts, y_train, test_texts, y_test): raw review strings and int64 0/1 labels."""
    (train_texts, y_train), (test_texts, y_test) = imdb.load_texts()
    return {"train_texts": list(train_texts), "y_train": y_train, "test_texts": list(test_texts), "y_test": y_test}


@pytest.fixture(scope="session")
def reviews():
    """Return a function (num_words, maxlen) -> dict(x_train, y_train, x_test, y_test) of padded word ids, cached."""

    @functools.lru_cache(maxsize=4)
    def load(num_words, maxlen):
        (x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=num_words)
        return {"x_train": pad_pre(x_train, maxlen), "y_train": y_train.astype("float32"),
                "x_test": pad_pre(x_test, maxlen), "y_test": y_test.astype("float32")}

    return load
