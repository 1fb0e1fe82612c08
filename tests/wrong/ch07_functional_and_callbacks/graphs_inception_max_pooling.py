# Wrong: max pooling in branch c where the book uses average pooling.
import keras
from keras import layers


def build_inception_block(input_shape=(32, 32, 64), filters=128):
    inputs = keras.Input(shape=input_shape)

    def conv(x, size, strides=1):
        return layers.Conv2D(filters, size, strides=strides, padding="same", activation="relu")(x)

    return keras.Model(inputs, layers.concatenate([
        conv(inputs, 1, strides=2), conv(conv(inputs, 1), 3, strides=2),
        conv(layers.MaxPooling2D(3, strides=2, padding="same")(inputs), 3), conv(conv(conv(inputs, 1), 3), 3, strides=2)]))
