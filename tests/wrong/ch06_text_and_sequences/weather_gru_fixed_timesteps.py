# Wrong: the GRU takes exactly 40 timesteps (the graders' window) instead of any number.
import keras
from keras import layers


def build_gru(features):
    model = keras.Sequential([keras.Input(shape=(40, features)), layers.GRU(32), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
