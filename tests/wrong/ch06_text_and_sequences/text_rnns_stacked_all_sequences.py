# Wrong: return_sequences=True on every layer, the last one too.
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_stacked_simple_rnn(num_words=10000, num_layers=4):
    stack = [layers.SimpleRNN(32, return_sequences=True) for _ in range(num_layers)]
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32), *stack,
                                       layers.Dense(1, activation="sigmoid")]))
