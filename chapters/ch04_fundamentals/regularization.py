"""Chapter 4, exercise 3: fighting overfitting with capacity, weight regularisation and dropout.

All the models here are variations of ch03's IMDB network: multi-hot reviews in, one
probability out, compiled with rmsprop, binary_crossentropy and accuracy. The graders
check each architecture and config, then train every model on the same data under one
budget and compare its validation loss curve with the original's.

Textbook: DLwP §4.4 "Overfitting and underfitting" (seed 000 §1.1.4; seed 004 §4.4):
reducing the network's size, adding weight regularisation, adding dropout.
"""

import keras
from keras import layers, regularizers


def build_dense_classifier(hidden_units, input_dim=10000):
    """Return a compiled binary classifier: one Dense(units, relu) per entry of `hidden_units`, then Dense(1, sigmoid).

    Input: (batch, input_dim) multi-hot vectors. Output: (batch, 1) probabilities.
    Compile with optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"].

    Args:
        hidden_units: the width of each hidden layer, e.g. (16, 16).
        input_dim: the length of an input vector (the vocabulary size).

    Example:
        >>> build_dense_classifier((16, 16), input_dim=10000).count_params()
        160305

    Textbook: DLwP §3.4.3 (the original network) and §4.4.1.
    """
    # Hint: start from keras.Input(shape=(input_dim,)) and add one layer per width.
    raise NotImplementedError("keras.Sequential with keras.Input, one Dense(units, relu) per width, Dense(1, sigmoid); compile")


def build_original_model(input_dim=10000):
    """Return the book's original compiled model: Dense(16, relu) -> Dense(16, relu) -> Dense(1, sigmoid).

    160,305 parameters at input_dim=10000. The reference point every other model here is compared with.

    Textbook: DLwP §4.4.1 listing 4.3 "Original model".
    """
    raise NotImplementedError("two hidden layers of 16 units")


def build_smaller_model(input_dim=10000):
    """Return the book's smaller compiled model: Dense(4, relu) -> Dense(4, relu) -> Dense(1, sigmoid).

    40,029 parameters at input_dim=10000. Less capacity: it starts overfitting later than
    the original, and its validation loss rises more slowly once it does.

    Textbook: DLwP §4.4.1 listing 4.4 "Version of the model with lower capacity"; seed 000 §1.1.4.
    """
    raise NotImplementedError("two hidden layers of 4 units")


def build_bigger_model(input_dim=10000, units=512):
    """Return the book's bigger compiled model: Dense(units, relu) -> Dense(units, relu) -> Dense(1, sigmoid).

    The book uses 512 units (5,383,681 parameters at input_dim=10000). Much more capacity:
    it fits the training data almost at once and starts overfitting after an epoch or two.

    Args:
        input_dim: the length of an input vector.
        units: the width of both hidden layers (graders train a narrower one to save time).

    Textbook: DLwP §4.4.1 listing 4.5 "Version of the model with higher capacity".
    """
    raise NotImplementedError("two hidden layers of `units` units")


def weight_regularizer(kind, factor=0.001):
    """Return the Keras kernel regulariser of the given kind: "l1", "l2" or "l1_l2".

    "l1" adds factor * sum(|w|) to the loss, "l2" adds factor * sum(w ** 2), and "l1_l2"
    adds both, each with the same factor. Any other kind raises ValueError naming the
    kinds that exist.

    Args:
        kind: "l1", "l2" or "l1_l2".
        factor: the coefficient (the book's 0.001).

    Example:
        >>> weight_regularizer("l2").get_config()
        {'l2': 0.001}

    Textbook: DLwP §4.4.2 listings 4.6 and 4.7; seed 000 §1.1.4 (添加权重正则化).
    """
    # Hint: keras.regularizers has L1, L2 and L1L2 classes.
    raise NotImplementedError("one branch per kind; the combined kind takes both coefficients by keyword")


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    """Return the original model with a weight regulariser on both hidden layers' kernels, compiled.

    Dense(16, relu, kernel_regularizer=R) -> Dense(16, relu, kernel_regularizer=R) -> Dense(1, sigmoid),
    where R = weight_regularizer(kind, factor). The output layer is not regularised,
    as in the book. The penalty is added to the training loss only.

    Args:
        kind: "l1", "l2" or "l1_l2".
        factor: the regularisation factor (0.001 in the book).
        input_dim: the length of an input vector.

    Textbook: DLwP §4.4.2 listing 4.6 "Adding L2 weight regularization to the model".
    """
    # Hint: each hidden Dense takes kernel_regularizer=...; make one per layer.
    raise NotImplementedError("the original network, each hidden Dense given its own regulariser from weight_regularizer")


def build_dropout_model(rate=0.5, input_dim=10000):
    """Return the original model with Dropout(rate) after each hidden Dense layer, compiled.

    Dense(16, relu) -> Dropout(rate) -> Dense(16, relu) -> Dropout(rate) -> Dense(1, sigmoid).
    Dropout is active only in training; at test time it passes values through unchanged.

    Textbook: DLwP §4.4.3 listing 4.8 "Adding dropout to the IMDB network"; seed 000 §1.1.4 (添加 dropout 正则化).
    """
    raise NotImplementedError("where does each Dropout go? after the layer whose outputs it should drop")
