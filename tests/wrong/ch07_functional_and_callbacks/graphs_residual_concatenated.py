# Wrong: concatenates the shortcut instead of adding it (the channels double).
import keras
from keras import layers


def build_residual_block(input_shape=(32, 32, 128), filters=128):
    inputs = keras.Input(shape=input_shape)
    residual = layers.Conv2D(filters, 3, padding="same")(layers.Conv2D(filters, 3, padding="same", activation="relu")(inputs))
    shortcut = inputs if input_shape[-1] == filters else layers.Conv2D(filters, 1)(inputs)
    return keras.Model(inputs, layers.concatenate([residual, shortcut]))
