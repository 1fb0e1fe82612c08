# Right, written differently: lengths by counting window positions in a loop and with math.ceil, the functional API,
# activations as separate layers.
import math

import keras
from keras import layers


def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    if padding == "same":
        return math.ceil(length / strides)
    span = dilation_rate * (kernel_size - 1) + 1
    return len(range(0, length - span + 1, strides))


def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    step = strides or pool_size
    if padding == "same":
        return math.ceil(length / step)
    return len(range(0, length - pool_size + 1, step))


def build_conv1d_classifier(num_words=10000, maxlen=500):
    inputs = keras.Input(shape=(maxlen,))
    x = layers.Embedding(num_words, 128)(inputs)
    x = layers.Activation("relu")(layers.Conv1D(32, 7)(x))
    x = layers.MaxPooling1D(pool_size=5)(x)
    x = layers.Activation("relu")(layers.Conv1D(32, kernel_size=7)(x))
    x = layers.GlobalMaxPooling1D()(x)
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_conv1d_gru(features):
    inputs = keras.Input(shape=(None, features))
    x = layers.Conv1D(32, 5, activation="relu")(inputs)
    x = layers.MaxPooling1D(3)(x)
    x = layers.Conv1D(32, 5, activation="relu")(x)
    x = layers.GRU(32, dropout=0.1, recurrent_dropout=0.5)(x)
    model = keras.Model(inputs, layers.Dense(1)(x))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.MeanAbsoluteError())
    return model
