# Wrong: 256 units in the second hidden layer instead of the tutorial's 216.
import keras
from keras import layers


def build_mlp():
    inputs = keras.Input(shape=(784,))
    x = layers.Dense(512, activation="relu")(inputs)
    x = layers.Dense(256, activation="relu")(x)
    x = layers.Dense(128, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
