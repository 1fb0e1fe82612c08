# Wrong: return_sequences=True on the only recurrent layer: Dense then scores every timestep, (batch, maxlen, 1).
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_simple_rnn_classifier(num_words=10000):
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32),
                                       layers.SimpleRNN(32, return_sequences=True), layers.Dense(1, activation="sigmoid")]))
