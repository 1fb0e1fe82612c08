# Wrong: leaves out the GRU's dropout and recurrent_dropout.
import keras
from keras import layers


def build_conv1d_gru(features):
    model = keras.Sequential([keras.Input(shape=(None, features)), layers.Conv1D(32, 5, activation="relu"), layers.MaxPooling1D(3),
                              layers.Conv1D(32, 5, activation="relu"), layers.GRU(32), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
