"""Wrong: the loop over the columns of y stops one column early, leaving the last column 0."""

import numpy as np


def naive_matrix_dot(x, y):
    assert x.shape[1] == y.shape[0]
    z = np.zeros((x.shape[0], y.shape[1]))
    for i in range(x.shape[0]):
        for j in range(y.shape[1] - 1):
            for k in range(x.shape[1]):
                z[i, j] += x[i, k] * y[k, j]
    return z
