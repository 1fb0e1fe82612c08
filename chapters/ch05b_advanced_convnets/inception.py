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
    raise NotImplementedError("four layers called on one Input, concatenated on axis -1")


def build_stacked_convolutions(input_shape=(28, 28, 1), filters=32):
    """Return the same three convolutions one after the other, as a keras.Model.

    Conv2D(filters, 1x1) -> Conv2D(filters, 3x3) -> Conv2D(filters, 5x5), relu and
    padding="same" each: 64 + 9,248 + 25,632 = 34,944 parameters at the defaults,
    about 30 times the naive module's 1,216.

    Textbook: seed 002, "Number of parameters in the inception module".
    """
    raise NotImplementedError("three Conv2D layers in sequence")


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
    raise NotImplementedError("1x1 reductions before the big kernels and after the pooling")


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
    raise NotImplementedError("the seed's three towers, concatenated on the channel axis")


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
    raise NotImplementedError("rescale, three towers, concatenate, flatten, softmax; Adam + categorical_crossentropy")
