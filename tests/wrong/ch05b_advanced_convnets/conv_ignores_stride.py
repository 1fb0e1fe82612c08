# Wrong: slides the window one pixel at a time whatever the stride.
import numpy as np


def multichannel_conv2d(images, kernels, biases, stride=1):
    images, kernels = np.asarray(images, dtype=float), np.asarray(kernels, dtype=float)
    n, h, w, _ = images.shape
    f = kernels.shape[0]
    out = np.empty((n, h - f + 1, w - f + 1, kernels.shape[3]))
    for i in range(h - f + 1):
        for j in range(w - f + 1):
            out[:, i, j, :] = np.tensordot(images[:, i:i + f, j:j + f, :], kernels, axes=([1, 2, 3], [0, 1, 2]))
    return out + biases
