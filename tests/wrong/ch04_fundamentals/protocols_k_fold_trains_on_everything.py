"""Wrong: every fold trains on all the indices, its validation fold included (a leak)."""
import numpy as np


def k_fold_splits(indices, k):
    indices = np.asarray(indices)
    m = len(indices) // k
    return [(indices.copy(), indices[i * m:(i + 1) * m]) for i in range(k)]
