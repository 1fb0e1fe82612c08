# Wrong: one set of statistics per value of the sample (every pixel of every channel), as if it normalised each position.
import numpy as np


def batchnorm_parameters(input_shape, center=True, scale=True):
    features = int(np.prod(input_shape))
    return features * (int(bool(center)) + int(bool(scale))), 2 * features
