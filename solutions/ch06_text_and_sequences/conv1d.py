"""Chapter 6, exercise 6: 1D convnets for sequences — their arithmetic, a text classifier, a front end for a GRU.

Textbook: DLwP §6.4 "Sequence processing with convnets": a Conv1D looks at windows of
`kernel_size` consecutive timesteps (§6.4.1), MaxPooling1D shortens the sequence (§6.4.2),
the IMDB convnet of listing 6.46 (~83%, and much faster than the LSTM), and a Conv1D front
end that shortens a long weather sequence before a GRU reads it (§6.4.4, listing 6.48).
"""

import keras
from keras import layers


def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    """Return the number of timesteps a Conv1D outputs for a sequence of `length` timesteps.

    padding "valid": only windows that fit entirely; "same": ceil(length / strides) (zeros
    added around the input). A dilated kernel spans dilation_rate * (kernel_size - 1) + 1
    timesteps.

    Example: conv1d_output_length(500, 7) == 494.

    Textbook: DLwP §6.4.1 (and the Keras documentation of Conv1D).
    """
    # Hint: count the positions where the (dilated) window starts, one every `strides` timesteps.
    # BEGIN SOLUTION: count where a window can start; with "same" padding only the stride decides
    if padding == "same":
        return -(-length // strides)
    span = dilation_rate * (kernel_size - 1) + 1
    return max(0, (length - span) // strides + 1)
    # END SOLUTION


def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    """Return the number of timesteps a MaxPooling1D outputs for `length` timesteps (strides None means pool_size).

    Example: pooling1d_output_length(494, 5) == 98.

    Textbook: DLwP §6.4.2.
    """
    # BEGIN SOLUTION: a pooling window is a kernel that moves by its own size unless told otherwise
    strides = pool_size if strides is None else strides
    if padding == "same":
        return -(-length // strides)
    return max(0, (length - pool_size) // strides + 1)
    # END SOLUTION


def build_conv1d_classifier(num_words=10000, maxlen=500):
    """Return the compiled convnet of listing 6.46 for (batch, maxlen) padded reviews.

    Embedding(num_words, 128) -> Conv1D(32, 7, relu) -> MaxPooling1D(5) -> Conv1D(32, 7, relu)
    -> GlobalMaxPooling1D -> Dense(1, sigmoid). Compile with rmsprop (its default learning
    rate: the book's 1e-4 needs its 25,000 reviews and 10 epochs), binary_crossentropy and accuracy.
    With maxlen=500 the sequence is 500 -> 494 -> 98 -> 92 timesteps, then one vector of 32.

    Textbook: DLwP §6.4.3, listing 6.46 (whose Dense(1) lacks the sigmoid a probability needs).
    """
    # Hint: keras.Input(shape=(maxlen,)) fixes the sequence length, so every output shape is known.
    # BEGIN SOLUTION: two Conv1D(32, 7) with a MaxPooling1D(5) between, then GlobalMaxPooling1D
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(num_words, 128),
        layers.Conv1D(32, 7, activation="relu"),
        layers.MaxPooling1D(5),
        layers.Conv1D(32, 7, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION


def build_conv1d_gru(features):
    """Return the compiled model of listing 6.48 for (batch, timesteps, features) weather windows of any length.

    Conv1D(32, 5, relu) -> MaxPooling1D(3) -> Conv1D(32, 5, relu) -> GRU(32, dropout=0.1,
    recurrent_dropout=0.5) -> Dense(1), the temperature 24 hours later. The convolutions
    shorten the sequence about three times, so the GRU reads a longer history for the same cost.
    Compile with rmsprop and the mean absolute error ("mae").

    Textbook: DLwP §6.4.4, listing 6.48.
    """
    # Hint: keras.Input(shape=(None, features)) accepts windows of any length.
    # BEGIN SOLUTION: the convolutional front end, then the GRU, then one linear unit
    model = keras.Sequential([
        keras.Input(shape=(None, features)),
        layers.Conv1D(32, 5, activation="relu"),
        layers.MaxPooling1D(3),
        layers.Conv1D(32, 5, activation="relu"),
        layers.GRU(32, dropout=0.1, recurrent_dropout=0.5),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
    # END SOLUTION
