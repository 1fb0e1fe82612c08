# Wrong: the naive module without its max-pooling branch (the parameter count is still 1,216: only the paths tell).
import keras
from keras import layers


def build_naive_inception(input_shape=(28, 28, 1), filters=32):
    inputs = keras.Input(shape=input_shape)
    branches = [layers.Conv2D(filters, (k, k), padding="same", activation="relu")(inputs) for k in (1, 3, 5)]
    return keras.Model(inputs, layers.concatenate(branches, axis=-1))
