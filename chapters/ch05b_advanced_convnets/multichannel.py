"""Chapter 5b, exercise 1: multichannel and 1 x 1 convolutions, written by hand and counted.

Textbook: seed 002 (Applied Deep Learning ch. 4), "Multichannel convolution" and
"Why 1 x 1 convolutions reduce dimensions". A kernel always spans every channel of
its input: a Conv2D(16, (3, 3)) on a 32-channel input holds 16 kernels of 3 x 3 x 32,
and each output value sums over all 32 channels. That is why a 1 x 1 convolution,
which looks at one pixel, still changes the channel count: 128 x 24 x 24 -> 16 x 24 x 24.

The seed writes shapes channels-first (`set_image_dim_ordering('th')`, Keras 2);
Keras 3 is channels-last by default, so here the same tensors are (24, 24, 128) -> (24, 24, 16).
"""

import keras
import numpy as np
from keras import layers


def multichannel_conv2d(images, kernels, biases, stride=1):
    """Return the "valid" convolution of a batch of multichannel images, as Conv2D computes it.

    Args:
        images: (n, height, width, in_channels) array.
        kernels: (f, f, in_channels, filters) array, Keras's kernel layout.
        biases: (filters,) array.
        stride: the step between windows, along both axes.

    Returns:
        (n, out_height, out_width, filters) float array, out = (size - f) // stride + 1,
        where output[b, i, j, k] = sum over the window AND over every input channel
        of images * kernels[..., k], plus biases[k]. No activation.

    Textbook: seed 002, "Multichannel convolution" (the sum over i, j and the channel k).
    """
    # Hint: for each output pixel, take the f x f x in_channels window and contract it with every kernel.
    raise NotImplementedError("slide an f x f window over every channel and contract it with each kernel")


def build_pointwise_reduction(input_shape=(24, 24, 128), filters=16):
    """Return a keras.Model made of one 1 x 1 Conv2D that maps `input_shape` channels to `filters`.

    On the seed's (24, 24, 128) input the output is (None, 24, 24, 16): height and width
    are unchanged, only the channel count shrinks. ReLU activation; 128 * 16 + 16 = 2,064 parameters.

    Textbook: seed 002, "Why 1 x 1 convolutions reduce dimensions".
    """
    raise NotImplementedError("one Conv2D with a (1, 1) kernel after keras.Input")


def conv_cost(height, width, in_channels, f, filters, padding="valid", stride=1):
    """Return (parameters, multiplications) of one Conv2D(filters, (f, f)) on a (height, width, in_channels) input.

    Args:
        height, width, in_channels: the input's shape (channels-last).
        f: the kernel's height and width.
        filters: the number of kernels.
        padding: "valid" or "same" (Keras's meaning; "same" gives ceil(size / stride) pixels).
        stride: the step between windows.

    Returns:
        A pair of ints: the layer's weights and biases, and the multiplications one
        forward pass of one image takes (one per kernel weight per output pixel; the
        zero padding's products count too). Conv2D(32, 3) on a 28 x 28 x 1 digit:
        (320, 26 * 26 * 32 * 9) = (320, 194,688).

    Textbook: seed 002, "Inception: computational budget" (the paper's 1.5 billion multiply-adds).
    """
    # Hint: every output value is one window times one kernel.
    raise NotImplementedError("parameters per kernel times kernels; output pixels times kernel size")
