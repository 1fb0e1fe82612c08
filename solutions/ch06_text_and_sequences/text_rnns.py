"""Chapter 6, exercise 4: recurrent classifiers on the reviews — SimpleRNN, stacked, LSTM, bidirectional.

Textbook: DLwP §6.2.1 (SimpleRNN on IMDB, stacking with `return_sequences=True`,
listings 6.22–6.23), §6.2.3 (LSTM on IMDB, listing 6.27, ~88%) and §6.3.8 (a bidirectional
LSTM on IMDB, listing 6.42).

Every model takes padded reviews, (batch, maxlen) integer word ids below num_words, of any
length maxlen (`keras.Input(shape=(None,))`), and ends in Dense(1, sigmoid): the probability
that the review is positive. Compile each with rmsprop, binary_crossentropy and accuracy.
A recurrent layer returns only its last output unless `return_sequences=True`; a recurrent
layer that feeds another recurrent layer must return the whole sequence.
"""

import keras
from keras import layers


def _compiled(model):
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_simple_rnn_classifier(num_words=10000):
    """Return the compiled model of listing 6.22: Embedding(num_words, 32) -> SimpleRNN(32) -> Dense(1, sigmoid).

    Shapes: (batch, maxlen) -> (batch, maxlen, 32) -> (batch, 32) -> (batch, 1).

    Textbook: DLwP §6.2.1, listing 6.22.
    """
    # Hint: keras.Input(shape=(None,)) accepts reviews padded to any length.
    # BEGIN SOLUTION: Input(shape=(None,)) -> Embedding -> SimpleRNN -> Dense
    return _compiled(keras.Sequential([
        keras.Input(shape=(None,)),
        layers.Embedding(num_words, 32),
        layers.SimpleRNN(32),
        layers.Dense(1, activation="sigmoid"),
    ]))
    # END SOLUTION


def build_stacked_simple_rnn(num_words=10000, num_layers=4):
    """Return the compiled stack of §6.2.1: Embedding(num_words, 32), num_layers SimpleRNN(32), Dense(1, sigmoid).

    Every SimpleRNN but the last returns its full sequence, (batch, maxlen, 32), so the
    next one has a sequence to read; the last returns (batch, 32).

    Textbook: DLwP §6.2.1 (the book stacks four).
    """
    # Hint: the last recurrent layer is the only one that returns a single vector.
    # BEGIN SOLUTION: return_sequences=True on all SimpleRNN layers but the last
    stack = [layers.SimpleRNN(32, return_sequences=True) for _ in range(num_layers - 1)] + [layers.SimpleRNN(32)]
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32), *stack,
                                       layers.Dense(1, activation="sigmoid")]))
    # END SOLUTION


def build_lstm_classifier(num_words=10000):
    """Return the compiled model of listing 6.27: Embedding(num_words, 32) -> LSTM(32) -> Dense(1, sigmoid).

    Textbook: DLwP §6.2.3, listing 6.27.
    """
    # BEGIN SOLUTION: like the SimpleRNN classifier, with an LSTM
    return _compiled(keras.Sequential([
        keras.Input(shape=(None,)),
        layers.Embedding(num_words, 32),
        layers.LSTM(32),
        layers.Dense(1, activation="sigmoid"),
    ]))
    # END SOLUTION


def build_bidirectional_lstm(num_words=10000):
    """Return the compiled model of listing 6.42: Embedding(num_words, 32) -> Bidirectional(LSTM(32)) -> Dense(1, sigmoid).

    The Bidirectional wrapper runs one LSTM forwards and a second one backwards over the
    review and concatenates their last outputs: (batch, 64).

    Textbook: DLwP §6.3.8, listing 6.42.
    """
    # Hint: layers.Bidirectional wraps one recurrent layer and makes the reversed copy itself.
    # BEGIN SOLUTION: one wrapper layer around one recurrent layer
    return _compiled(keras.Sequential([
        keras.Input(shape=(None,)),
        layers.Embedding(num_words, 32),
        layers.Bidirectional(layers.LSTM(32)),
        layers.Dense(1, activation="sigmoid"),
    ]))
    # END SOLUTION
