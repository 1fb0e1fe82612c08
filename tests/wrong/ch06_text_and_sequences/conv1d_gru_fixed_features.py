# Wrong: the book's 14 Jena columns hard-coded: features is ignored.
import keras
from keras import layers


def build_conv1d_gru(features):
    model = keras.Sequential([keras.Input(shape=(None, 14)), layers.Conv1D(32, 5, activation="relu"), layers.MaxPooling1D(3),
                              layers.Conv1D(32, 5, activation="relu"), layers.GRU(32, dropout=0.1, recurrent_dropout=0.5), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
