# Wrong: ignores its arguments and always builds the seed's example, 128 -> 16 channels at 24 x 24.
import keras
from keras import layers


def build_pointwise_reduction(input_shape=(24, 24, 128), filters=16):
    return keras.Sequential([keras.Input(shape=(24, 24, 128)), layers.Conv2D(16, (1, 1), activation="relu")])
