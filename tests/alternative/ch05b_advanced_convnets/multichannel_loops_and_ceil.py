# Right: explicit loops over every output value (no tensordot), a list for the pair, math.ceil for "same".
import math

import keras
import numpy as np
from keras import layers


def multichannel_conv2d(images, kernels, biases, stride=1):
    n, height, width, channels = np.shape(images)
    f, _, _, filters = np.shape(kernels)
    out = np.zeros((n, (height - f) // stride + 1, (width - f) // stride + 1, filters))
    for b in range(n):
        for i in range(out.shape[1]):
            for j in range(out.shape[2]):
                for k in range(filters):
                    window = np.asarray(images)[b, i * stride:i * stride + f, j * stride:j * stride + f, :]
                    out[b, i, j, k] = np.sum(window * np.asarray(kernels)[:, :, :, k]) + biases[k]
    return out


def build_pointwise_reduction(input_shape=(24, 24, 128), filters=16):
    inputs = keras.Input(shape=input_shape)
    return keras.Model(inputs, layers.Conv2D(filters, kernel_size=1, activation="relu")(inputs))


def conv_cost(height, width, in_channels, f, filters, padding="valid", stride=1):
    if padding == "same":
        out_h, out_w = math.ceil(height / stride), math.ceil(width / stride)
    else:
        out_h, out_w = math.floor((height - f) / stride) + 1, math.floor((width - f) / stride) + 1
    weights = f * f * in_channels * filters
    return [weights + filters, out_h * out_w * weights]
