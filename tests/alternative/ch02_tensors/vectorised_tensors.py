"""Correct, written differently: every tensors.py exercise with vectorised NumPy and no loops.

The shape checks come from NumPy itself: adding or multiplying arrays whose shapes
do not line up raises ValueError.
"""

import numpy as np


def naive_relu(x):
    return np.maximum(x, 0)


def naive_add(x, y):
    return x + y


def naive_add_matrix_and_vector(x, y):
    return x + y


def naive_vector_dot(x, y):
    return float(np.dot(x, y))


def naive_matrix_vector_dot(x, y):
    return x @ y


def naive_matrix_dot(x, y):
    return x @ y


def describe_tensor(x):
    return np.ndim(x), np.shape(x), str(x.dtype)


def data_tensor_shape(kind, samples, **sizes):
    if kind == "vector":
        return samples, sizes["features"]
    if kind == "timeseries":
        return samples, sizes["timesteps"], sizes["features"]
    if kind == "image":
        return samples, sizes["height"], sizes["width"], sizes["channels"]
    if kind == "video":
        return samples, sizes["frames"], sizes["height"], sizes["width"], sizes["channels"]
    raise ValueError(f"unknown kind {kind!r}")


def stack_along_each_axis(a, b):
    return [np.stack([a, b], axis=0), np.stack([a, b], axis=1), np.stack([a, b], axis=-1)]


def flatten_images(images):
    return images.reshape((len(images), -1))


def transpose(x):
    return x.T


def to_channels_last(batch):
    if batch.ndim == 4:
        return np.transpose(batch, (0, 2, 3, 1))
    return np.transpose(batch, (0, 1, 3, 4, 2))


def batch(x, n, batch_size):
    return x[n * batch_size :][:batch_size]
