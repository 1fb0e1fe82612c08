# Wrong: the first GRU returns only its last output, so the second GRU gets no sequence.
import keras
from keras import layers


def build_stacked_gru(features):
    model = keras.Sequential([
        keras.Input(shape=(None, features)),
        layers.GRU(32, dropout=0.1, recurrent_dropout=0.5),
        layers.GRU(64, activation="relu", dropout=0.1, recurrent_dropout=0.5),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
