# Wrong: a GRU where the exercise asks for an LSTM.
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_lstm_classifier(num_words=10000):
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32), layers.GRU(32),
                                       layers.Dense(1, activation="sigmoid")]))
