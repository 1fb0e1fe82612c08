"""Chapter 5, exercise 1: convolution arithmetic — how big is the output of a convolution or a pooling?

Textbook: DLwP §5.1.1 "The convolution operation" (border effects and padding,
strides) and §5.1.2 "The max-pooling operation"; seed 000 §三 (卷积运算); seed 004 ch5.
For an input of n pixels, a window of f pixels, padding p on each side and stride s,
the output has (n + 2p - f) / s + 1 pixels, rounded down.
"""

import math


def conv_output_size(n, f, padding="valid", stride=1):
    """Return the output length (an int) of a convolution along one spatial axis.

    Args:
        n: input length in pixels (height or width).
        f: window (kernel) length.
        padding: "valid" (no padding, p = 0) or "same" (Keras pads so that the output
            has ceil(n / stride) pixels; at stride 1 that is p = (f - 1) / 2 for odd f).
        stride: the step between windows.

    Example: a 28-pixel MNIST digit through Conv2D(32, 3) is 26 pixels wide.

    Textbook: DLwP §5.1.1, "Understanding border effects and padding" and "Understanding convolution strides".
    """
    # Hint: with "valid", only windows that fit entirely inside the input count.
    # BEGIN SOLUTION: count the window positions that fit for "valid"; for "same" ask what padding is for
    if padding == "valid":
        return (n - f) // stride + 1
    if padding == "same":
        return math.ceil(n / stride)
    raise ValueError(f"padding must be 'valid' or 'same', got {padding!r}")
    # END SOLUTION


def same_padding(f):
    """Return p, the zero padding per side that keeps the size at stride 1 for an odd window f.

    Example: a 3x3 window needs 1 pixel of padding, a 5x5 window 2.

    Textbook: DLwP §5.1.1 ("padding='same'").
    """
    # BEGIN SOLUTION: set the stride-1 output size equal to n and solve for p
    return (f - 1) // 2
    # END SOLUTION


def pool_output_size(n, pool_size=2, stride=None, padding="valid"):
    """Return the output length of a pooling layer along one spatial axis.

    Args:
        n: input length.
        pool_size: window length (2 in the book's MaxPooling2D((2, 2))).
        stride: step between windows; None means the same as pool_size (Keras's default).
        padding: "valid" or "same", as for a convolution.

    Example: MaxPooling2D(2) halves 26 pixels to 13.

    Textbook: DLwP §5.1.2 "The max-pooling operation".
    """
    # Hint: pooling slides a window exactly like a convolution does.
    # BEGIN SOLUTION: a pooling window follows the convolution formula with stride defaulting to pool_size
    return conv_output_size(n, pool_size, padding, pool_size if stride is None else stride)
    # END SOLUTION


def conv_params(f, in_channels, filters, use_bias=True):
    """Return the number of parameters of a Conv2D layer with an f x f window.

    Each filter has one f x f weight per input channel, plus one bias.

    Example: Conv2D(32, 3) on a one-channel MNIST image has 320 parameters.

    Textbook: DLwP §5.1 (the MNIST convnet's summary); seed 002 (multichannel convolution).
    """
    # BEGIN SOLUTION: count the weights of one filter across all input channels, then the biases
    return (f * f * in_channels + (1 if use_bias else 0)) * filters
    # END SOLUTION
