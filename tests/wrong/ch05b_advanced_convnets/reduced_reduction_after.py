# Wrong: puts the 1x1 convolution AFTER the 3x3 and 5x5 ones, and before the pooling: nothing is reduced.
import keras
from keras import layers


def build_reduced_inception(input_shape=(28, 28, 256), filters=8, reduction=8):
    inputs = keras.Input(shape=input_shape)

    def conv(x, count, size):
        return layers.Conv2D(count, size, padding="same", activation="relu")(x)

    return keras.Model(inputs, layers.concatenate([
        conv(inputs, filters, 1),
        conv(conv(inputs, filters, 3), reduction, 1),
        conv(conv(inputs, filters, 5), reduction, 1),
        layers.MaxPooling2D(3, strides=1, padding="same")(conv(inputs, filters, 1)),
    ]))
