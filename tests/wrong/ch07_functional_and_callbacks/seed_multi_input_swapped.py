# Wrong: the inputs in the order [colour, grey] instead of [grey, colour].
import keras
from keras import layers


def build_multi_input():
    def tower(inputs):
        x = layers.MaxPooling2D(2)(layers.Conv2D(32, 4, activation="relu")(inputs))
        return layers.Flatten()(layers.MaxPooling2D(2)(layers.Conv2D(16, 4, activation="relu")(x)))

    grey, colour = keras.Input(shape=(64, 64, 1)), keras.Input(shape=(32, 32, 3))
    x = layers.Dense(64, activation="relu")(layers.Dense(128, activation="relu")(layers.concatenate([tower(grey), tower(colour)])))
    return keras.Model([colour, grey], layers.Dense(10, activation="softmax")(x))
