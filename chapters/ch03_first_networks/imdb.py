"""Chapter 3, exercise 1: classifying movie-style reviews as positive or negative (binary).

Textbook: DLwP §3.4 (seed 004 §3.4; seed 000/001 §2.1 "二分类问题").
Data: `kerakit.data.imdb.load_data(num_words=10000)` gives reviews as lists of word ids
(offline: real Amazon food reviews, 4,000 for training and 1,000 for testing).
"""

import numpy as np
import keras
from keras import layers


def vectorize_sequences(sequences, dimension=10000):
    """Return a (len(sequences), dimension) float32 multi-hot array.

    Row i has 1.0 at every word id that occurs in sequences[i] and 0.0 elsewhere;
    a word that occurs twice still gives 1.0.

    Args:
        sequences: a list (or object array) of integer sequences, ids in [0, dimension).
        dimension: the number of columns, the vocabulary size (10,000 in the book).

    Textbook: DLwP §3.4.2 "Preparing the data".
    """
    # Hint: start from an all-zero float32 array; NumPy can set many columns of one row at once.
    raise NotImplementedError("start from np.zeros((len(sequences), dimension), dtype=\"float32\") and set the ids of each row to 1")


def build_imdb_model(input_dim=10000):
    """Return the book's compiled IMDB model: Dense(16, relu) -> Dense(16, relu) -> Dense(1, sigmoid).

    Input: (batch, input_dim) multi-hot vectors. Output: (batch, 1), the probability
    that a review is positive. At 10,000 inputs the model has 160,305 parameters.
    Compile with the rmsprop optimizer, binary_crossentropy loss and the accuracy metric.

    Textbook: DLwP §3.4.3 "Building your network"; seed 000 §2.1 (代码模板).
    """
    # Hint: keras.Input(shape=(input_dim,)) first, so the model knows its shapes.
    raise NotImplementedError("build a keras.Sequential with keras.Input and three Dense layers, then compile it")


def holdout_split(x, y, num_validation):
    """Return ((partial_x, partial_y), (x_val, y_val)): the book's simple hold-out split.

    The first `num_validation` samples are set apart for validation, the rest are
    for training, in their original order (no shuffling: the data come shuffled).

    Args:
        x: array of samples, shape (n, ...).
        y: array of labels, shape (n,) or (n, ...).
        num_validation: how many samples to hold out, 0 < num_validation < n.

    Textbook: DLwP §3.4.4 "Validating your approach" (x_val = x_train[:10000]).
    """
    raise NotImplementedError("slice the first num_validation samples off x and y")
