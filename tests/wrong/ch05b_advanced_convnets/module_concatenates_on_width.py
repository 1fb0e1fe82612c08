# Wrong: concatenates the towers on axis 2 (the width) instead of the channel axis.
import keras
from keras import layers


def build_inception_module(input_shape=(32, 32, 3), filters=64):
    inputs = keras.Input(shape=input_shape)
    t1 = layers.Conv2D(filters, 3, padding="same", activation="relu")(layers.Conv2D(filters, 1, padding="same", activation="relu")(inputs))
    t2 = layers.Conv2D(filters, 5, padding="same", activation="relu")(layers.Conv2D(filters, 1, padding="same", activation="relu")(inputs))
    t3 = layers.Conv2D(filters, 1, padding="same", activation="relu")(layers.MaxPooling2D(3, strides=1, padding="same")(inputs))
    return keras.Model(inputs, layers.concatenate([t1, t2, t3], axis=2))
