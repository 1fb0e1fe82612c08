# Wrong: a 1x1 projection even when the shapes already match (the identity shortcut is the book's point).
import keras
from keras import layers


def build_residual_block(input_shape=(32, 32, 128), filters=128):
    inputs = keras.Input(shape=input_shape)
    residual = layers.Conv2D(filters, 3, padding="same")(layers.Conv2D(filters, 3, padding="same", activation="relu")(inputs))
    return keras.Model(inputs, layers.add([residual, layers.Conv2D(filters, 1)(inputs)]))
