"""Wrong: returns the seed's worked example whatever the inputs."""

import numpy as np

SEED_A = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
SEED_B = np.array([[9, 8, 7], [6, 5, 4], [3, 2, 1]])


def stack_along_each_axis(a, b):
    return tuple(np.stack((SEED_A, SEED_B), axis=axis) for axis in (0, 1, 2))
