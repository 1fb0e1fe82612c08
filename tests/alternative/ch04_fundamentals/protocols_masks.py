"""Correct, written differently: boolean masks, rng.choice for the hold-out, np.lexsort for time."""
import numpy as np


def holdout_split(num_samples, num_validation, seed=None):
    rng = np.random.default_rng(seed)
    validation = rng.choice(num_samples, size=num_validation, replace=False)
    mask = np.ones(num_samples, dtype=bool)
    mask[validation] = False
    return np.flatnonzero(mask), validation


def k_fold_splits(indices, k):
    indices = np.asarray(indices)
    m = len(indices) // k
    position = np.arange(len(indices))
    splits = []
    for fold in range(k):
        in_fold = (position >= fold * m) & (position < (fold + 1) * m)
        splits.append((indices[~in_fold], indices[in_fold]))
    return splits


def iterated_k_fold_splits(num_samples, k, repetitions, seed=None):
    rng = np.random.default_rng(seed)
    return [pair for _ in range(repetitions) for pair in k_fold_splits(rng.permutation(num_samples), k)]


def temporal_split(timestamps, num_validation):
    timestamps = np.asarray(timestamps)
    order = np.lexsort((np.arange(len(timestamps)), timestamps))
    return order[:len(order) - num_validation], order[len(order) - num_validation:]
