# Wrong: sums the two directions (merge_mode="sum") instead of concatenating them.
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_bidirectional_lstm(num_words=10000):
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32),
                                       layers.Bidirectional(layers.LSTM(32), merge_mode="sum"), layers.Dense(1, activation="sigmoid")]))
