# Wrong: relu on the first GRU and tanh on the second, the book's activations swapped.
import keras
from keras import layers


def build_stacked_gru(features):
    model = keras.Sequential([
        keras.Input(shape=(None, features)),
        layers.GRU(32, activation="relu", dropout=0.1, recurrent_dropout=0.5, return_sequences=True),
        layers.GRU(64, dropout=0.1, recurrent_dropout=0.5),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
