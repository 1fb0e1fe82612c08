# Wrong: convolves each kernel with the first input channel only (a 2-D convolution), forgetting that a kernel spans all channels.
import numpy as np


def multichannel_conv2d(images, kernels, biases, stride=1):
    images, kernels = np.asarray(images, dtype=float), np.asarray(kernels, dtype=float)
    n, h, w, _ = images.shape
    f = kernels.shape[0]
    oh, ow = (h - f) // stride + 1, (w - f) // stride + 1
    out = np.empty((n, oh, ow, kernels.shape[3]))
    for i in range(oh):
        for j in range(ow):
            window = images[:, i * stride:i * stride + f, j * stride:j * stride + f, 0]
            out[:, i, j, :] = np.tensordot(window, kernels[:, :, 0, :], axes=([1, 2], [0, 1]))
    return out + biases
