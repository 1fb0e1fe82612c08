# Wrong: hard-codes 32 filters, so the seed's 34,944 comes out but other filter counts do not.
import keras
from keras import layers


def build_stacked_convolutions(input_shape=(28, 28, 1), filters=32):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for size in (1, 3, 5):
        x = layers.Conv2D(32, size, padding="same", activation="relu")(x)
    return keras.Model(inputs, x)
