"""Chapter 5b, exercise 2: inception modules — parallel convolutions and what 1 x 1 reductions save.

Textbook: seed 002, "The inception module: naive version", "Number of parameters in
the inception module", "Inception module with dimension reduction" and "Example of
an inception module in Keras" (figures 4-1, 4-2 and 4-4). Every model here is built
with the functional API (`keras.Input`, layers called on tensors,
`layers.concatenate(..., axis=-1)`), because the branches run in parallel.

The seed's figures, which the graders measure on the models you build:
- naive module on an MNIST digit (28, 28, 1), 32 kernels per branch:
  1x1 = 64, 3x3 = 320, 5x5 = 832, pooling = 0 parameters: 1,216 in all;
  the same three convolutions one after the other: 64 + 9,248 + 25,632 = 34,944.
- on a (28, 28, 256) input with 8 kernels per branch: naive 2,056 + 18,440 + 51,208
  = 71,704; with 1x1 reductions 2,056 + 2,640 + 3,664 + 2,056 = 10,416.
"""

import keras
from keras import layers


def build_naive_inception(input_shape=(28, 28, 1), filters=32):
    """Return the naive inception module as a keras.Model (figure 4-1).

    Four parallel branches on the same input, every one with padding="same" so their
    outputs have the input's height and width:
      Conv2D(filters, 1x1, relu) | Conv2D(filters, 3x3, relu) | Conv2D(filters, 5x5, relu)
      | MaxPooling2D(3x3, strides=1)
    concatenated on the channel axis: (None, h, w, 3 * filters + in_channels).
    1,216 parameters at the defaults.

    Textbook: seed 002, "The inception module: naive version".
    """
    # Hint: call each branch's layer on the same Input tensor, then join them with layers.concatenate.
    # BEGIN SOLUTION: four layers called on one Input, concatenated on axis -1
    inputs = keras.Input(shape=input_shape)
    branches = [
        layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(inputs),
        layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(inputs),
        layers.Conv2D(filters, (5, 5), padding="same", activation="relu")(inputs),
        layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(inputs),
    ]
    return keras.Model(inputs, layers.concatenate(branches, axis=-1))
    # END SOLUTION


def build_stacked_convolutions(input_shape=(28, 28, 1), filters=32):
    """Return the same three convolutions one after the other, as a keras.Model.

    Conv2D(filters, 1x1) -> Conv2D(filters, 3x3) -> Conv2D(filters, 5x5), relu and
    padding="same" each: 64 + 9,248 + 25,632 = 34,944 parameters at the defaults,
    about 30 times the naive module's 1,216.

    Textbook: seed 002, "Number of parameters in the inception module".
    """
    # BEGIN SOLUTION: three Conv2D layers in sequence
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for size in (1, 3, 5):
        x = layers.Conv2D(filters, (size, size), padding="same", activation="relu")(x)
    return keras.Model(inputs, x)
    # END SOLUTION


def build_reduced_inception(input_shape=(28, 28, 256), filters=8, reduction=8):
    """Return the inception module with dimension reduction as a keras.Model (figure 4-2).

    Four parallel branches on the same input, relu and padding="same" everywhere:
      Conv2D(filters, 1x1)
      Conv2D(reduction, 1x1) -> Conv2D(filters, 3x3)
      Conv2D(reduction, 1x1) -> Conv2D(filters, 5x5)
      MaxPooling2D(3x3, strides=1) -> Conv2D(filters, 1x1)
    concatenated on the channel axis: (None, h, w, 4 * filters).
    10,416 parameters at the defaults (the naive module on the same input has 71,704).

    Textbook: seed 002, "Inception module with dimension reduction".
    """
    # Hint: the 1x1 convolution goes BEFORE the 3x3 and 5x5 ones, but AFTER the pooling.
    # BEGIN SOLUTION: 1x1 reductions before the big kernels and after the pooling
    inputs = keras.Input(shape=input_shape)

    def conv(x, count, size):
        return layers.Conv2D(count, (size, size), padding="same", activation="relu")(x)

    branches = [
        conv(inputs, filters, 1),
        conv(conv(inputs, reduction, 1), filters, 3),
        conv(conv(inputs, reduction, 1), filters, 5),
        conv(layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(inputs), filters, 1),
    ]
    return keras.Model(inputs, layers.concatenate(branches, axis=-1))
    # END SOLUTION


def build_inception_module(input_shape=(32, 32, 3), filters=64):
    """Return the seed's Keras inception module on a CIFAR-10-shaped input, as a keras.Model.

    Three towers on the same input, relu and padding="same" everywhere:
      tower 1: Conv2D(filters, 1x1) -> Conv2D(filters, 3x3)
      tower 2: Conv2D(filters, 1x1) -> Conv2D(filters, 5x5)
      tower 3: MaxPooling2D(3x3, strides=1) -> Conv2D(filters, 1x1)
    concatenated on the channel axis: (None, 32, 32, 192) at the defaults.
    The seed writes `axis=3`; -1 is the same axis for images and says "channels".

    Textbook: seed 002, "Example of an inception module in Keras" (figure 4-4).
    """
    # BEGIN SOLUTION: the seed's three towers, concatenated on the channel axis
    inputs = keras.Input(shape=input_shape)
    tower_1 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(inputs)
    tower_1 = layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(tower_1)
    tower_2 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(inputs)
    tower_2 = layers.Conv2D(filters, (5, 5), padding="same", activation="relu")(tower_2)
    tower_3 = layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(inputs)
    tower_3 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(tower_3)
    return keras.Model(inputs, layers.concatenate([tower_1, tower_2, tower_3], axis=-1))
    # END SOLUTION


def build_inception_classifier(input_shape=(32, 32, 3), filters=64, num_classes=10):
    """Return the compiled classifier of the seed: Rescaling, the inception module, Flatten, Dense softmax.

    Layers: Input(input_shape) -> Rescaling(1/255) (pixels arrive as 0-255)
      -> the three towers of `build_inception_module` (same filters) -> concatenate
      -> Flatten -> Dense(num_classes, softmax).
    Compile with keras.optimizers.Adam() (its default learning rate, as the seed),
    categorical_crossentropy (one-hot labels) and accuracy.

    Textbook: seed 002, "Example of an inception module in Keras" (Flatten, Dense(10, softmax), Adam).
    """
    # Hint: the towers start from the rescaled tensor, not from the Input itself.
    # BEGIN SOLUTION: rescale, three towers, concatenate, flatten, softmax; Adam + categorical_crossentropy
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1 / 255)(inputs)
    tower_1 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(x)
    tower_1 = layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(tower_1)
    tower_2 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(x)
    tower_2 = layers.Conv2D(filters, (5, 5), padding="same", activation="relu")(tower_2)
    tower_3 = layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(x)
    tower_3 = layers.Conv2D(filters, (1, 1), padding="same", activation="relu")(tower_3)
    x = layers.concatenate([tower_1, tower_2, tower_3], axis=-1)
    outputs = layers.Dense(num_classes, activation="softmax")(layers.Flatten()(x))
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION
