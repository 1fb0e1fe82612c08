"""Wrong: a new generator from the same seed in every repetition, so every repetition splits alike."""
import numpy as np


def iterated_k_fold_splits(num_samples, k, repetitions, seed=None):
    splits = []
    for _ in range(repetitions):
        rng = np.random.default_rng(seed)
        splits.extend(k_fold_splits(rng.permutation(num_samples), k))
    return splits
