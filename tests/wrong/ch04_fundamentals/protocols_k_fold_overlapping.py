"""Wrong: validation folds one index too long, so neighbouring folds overlap."""
import numpy as np


def k_fold_splits(indices, k):
    indices = np.asarray(indices)
    m = len(indices) // k
    splits = []
    for i in range(k):
        validation = indices[i * m:(i + 1) * m + 1]
        training = np.concatenate([indices[:i * m], indices[(i + 1) * m + 1:]])
        splits.append((training, validation))
    return splits
