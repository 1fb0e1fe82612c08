# Wrong: one LSTM reading the review backwards is not a bidirectional layer.
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_bidirectional_lstm(num_words=10000):
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32),
                                       layers.LSTM(64, go_backwards=True), layers.Dense(1, activation="sigmoid")]))
