"""Wrong: hold-out takes the first samples without shuffling (ignores the seed)."""
import numpy as np


def holdout_split(num_samples, num_validation, seed=None):
    indices = np.arange(num_samples)
    return indices[num_validation:], indices[:num_validation]
