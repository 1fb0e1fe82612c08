# Right: branches in another order and concatenated on axis=3 (the seed's spelling); layers created interleaved;
# separate Activation layers; a Sequential for the stacked convolutions; the classifier's towers built layer by layer.
import keras
from keras import layers


def build_naive_inception(input_shape=(28, 28, 1), filters=32):
    x = keras.Input(shape=input_shape)
    pool = layers.MaxPooling2D(pool_size=3, strides=1, padding="same")(x)
    five = layers.Activation("relu")(layers.Conv2D(filters, 5, padding="same")(x))
    one = layers.Conv2D(filters, 1, padding="same", activation="relu")(x)
    three = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return keras.Model(x, layers.Concatenate(axis=3)([pool, five, three, one]))


def build_stacked_convolutions(input_shape=(28, 28, 1), filters=32):
    return keras.Sequential([keras.Input(shape=input_shape)] +
                            [layers.Conv2D(filters, k, padding="same", activation="relu") for k in (1, 3, 5)])


def build_reduced_inception(input_shape=(28, 28, 256), filters=8, reduction=8):
    x = keras.Input(shape=input_shape)
    r3 = layers.Conv2D(reduction, 1, padding="same", activation="relu")(x)
    r5 = layers.Conv2D(reduction, 1, padding="same", activation="relu")(x)
    pool = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    b5 = layers.Conv2D(filters, 5, padding="same", activation="relu")(r5)
    b3 = layers.Conv2D(filters, 3, padding="same", activation="relu")(r3)
    bp = layers.Conv2D(filters, 1, padding="same", activation="relu")(pool)
    b1 = layers.Conv2D(filters, 1, padding="same", activation="relu")(x)
    return keras.Model(x, layers.concatenate([b5, bp, b1, b3]))


def _towers(x, filters):
    a = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(x)
    b = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(x)
    c = layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(x)
    a = layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(a)
    b = layers.Conv2D(filters, (5, 5), padding="same", activation="relu")(b)
    c = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(c)
    return layers.concatenate([c, b, a], axis=3)


def build_inception_module(input_shape=(32, 32, 3), filters=64):
    x = keras.Input(shape=input_shape)
    return keras.Model(x, _towers(x, filters))


def build_inception_classifier(input_shape=(32, 32, 3), filters=64, num_classes=10):
    x = keras.Input(shape=input_shape)
    y = layers.Dense(num_classes, activation="softmax")(layers.Flatten()(_towers(layers.Rescaling(1.0 / 255.0)(x), filters)))
    model = keras.Model(x, y)
    model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    return model
