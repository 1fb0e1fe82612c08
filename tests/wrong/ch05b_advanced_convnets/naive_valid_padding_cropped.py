# Wrong: valid padding, then crops every branch to the smallest map so that concatenate works: the output shrinks to 24 x 24.
import keras
from keras import layers


def build_naive_inception(input_shape=(28, 28, 1), filters=32):
    inputs = keras.Input(shape=input_shape)
    b1 = layers.Cropping2D(2)(layers.Conv2D(filters, 1, activation="relu")(inputs))
    b3 = layers.Cropping2D(1)(layers.Conv2D(filters, 3, activation="relu")(inputs))
    b5 = layers.Conv2D(filters, 5, activation="relu")(inputs)
    pool = layers.Cropping2D(1)(layers.MaxPooling2D(3, strides=1)(inputs))
    return keras.Model(inputs, layers.concatenate([b1, b3, b5, pool]))
