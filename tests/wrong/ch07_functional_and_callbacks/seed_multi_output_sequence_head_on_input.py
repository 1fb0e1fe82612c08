# Wrong: the per-step head reads the raw input instead of the LSTM's sequence (30,718 parameters).
import keras
from keras import layers


def build_multi_output():
    inputs = keras.Input(shape=(784, 1))
    sequence = layers.LSTM(64, return_sequences=True)(inputs)
    x = layers.Dense(32, activation="relu")(layers.LSTM(32)(sequence))
    output_2 = layers.TimeDistributed(layers.Dense(10, activation="softmax"))(inputs)
    return keras.Model(inputs, [layers.Dense(10, activation="softmax")(x), output_2])
