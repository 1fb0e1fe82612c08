"""Chapter 4, exercise 1: evaluation protocols, written on index arrays.

Every function here returns *indices* of samples, never the samples themselves, so one
split serves any number of arrays (`x[train_indices]`, `y[train_indices]`) and a
grader can check it on random sizes: every sample used, none in two places at once.

Textbook: DLwP §4.2 "Evaluating machine-learning models" (seed 000 §1.1.2; seed 004 §4.2):
simple hold-out validation, K-fold validation, iterated K-fold validation with shuffling,
and the three things to keep in mind: shuffle before splitting, never shuffle data with
an arrow of time, and never let training and validation overlap.
"""

import numpy as np


def holdout_split(num_samples, num_validation, seed=None):
    """Return (train_indices, validation_indices): a shuffled simple hold-out split.

    The indices 0..num_samples-1 are shuffled with `np.random.default_rng(seed)`; the
    first `num_validation` of the shuffled order are held out for validation and the
    rest are for training. The same seed always gives the same split.

    Args:
        num_samples: how many samples there are, n.
        num_validation: how many to hold out, 0 < num_validation < n.
        seed: the seed of the shuffle (an int, or None for a fresh shuffle).

    Returns:
        Two 1-D integer arrays of lengths n - num_validation and num_validation that
        together hold every index exactly once.

    Example:
        >>> train, val = holdout_split(10, 3, seed=0)
        >>> len(train), len(val)
        (7, 3)

    Textbook: DLwP §4.2.1 listing 4.1 (`np.random.shuffle(data)`; `data[:num_validation_samples]`);
    seed 000 §1.1.2 (简单的留出验证).
    """
    # Hint: shuffle the indices, not the data; rng.permutation(n) gives a shuffled 0..n-1.
    raise NotImplementedError("make a generator from the seed, permute 0..n-1, then slice off the first num_validation")


def k_fold_splits(indices, k):
    """Return the list of k (train_indices, validation_indices) pairs of K-fold validation.

    `indices` is split *in the order given* (shuffle it first unless the samples are
    ordered in time) into k folds of `len(indices) // k` indices each: fold i validates
    `indices[i * m:(i + 1) * m]` with m = len(indices) // k, and trains on all the
    other indices, in their order. As in the book's template, when len(indices) is not
    a multiple of k the last `len(indices) % k` indices are never validated: they are
    in the training part of every fold.

    Args:
        indices: a 1-D integer array of sample indices, e.g. np.arange(n) or a shuffled order.
        k: the number of folds, 2 <= k <= len(indices).

    Returns:
        [(train_0, val_0), ..., (train_{k-1}, val_{k-1})], 1-D integer arrays. No index is
        in both parts of a fold, and each of the first k * m indices is validated exactly once.

    Textbook: DLwP §4.2.1 listing 4.2 (`num_validation_samples = len(data) // k`);
    seed 000 §1.1.2 (K折验证); the same rule as ch03's `k_fold_validation`.
    """
    # Hint: np.concatenate joins the part before and the part after the validation fold.
    raise NotImplementedError("fold i validates indices[i * m:(i + 1) * m] with m = len(indices) // k")


def iterated_k_fold_splits(num_samples, k, repetitions, seed=None):
    """Return the P x K (train_indices, validation_indices) pairs of iterated K-fold with shuffling.

    Repeat K-fold `repetitions` (P) times; before each repetition shuffle 0..num_samples-1
    afresh, so every repetition partitions the samples differently. Use ONE generator,
    `np.random.default_rng(seed)`, for all the shuffles: the same seed then gives the
    same P x K splits, and the repetitions still differ from one another.

    Args:
        num_samples: how many samples there are, n.
        k: the number of folds per repetition.
        repetitions: P, how many times to repeat K-fold.
        seed: the seed of the shuffles.

    Returns:
        A list of P * k pairs, repetition by repetition: items [p * k:(p + 1) * k] are the
        k folds of repetition p, split as `k_fold_splits` does.

    Textbook: DLwP §4.2.1 "Iterated K-fold validation with shuffling" (P x K models to train);
    seed 000 §1.1.2 (带有打乱数据的重复K折验证); seed 004 §4.2.
    """
    # Hint: reuse k_fold_splits on a new permutation for each repetition.
    raise NotImplementedError("one default_rng(seed) outside the loop; a fresh rng.permutation(n) per repetition")


def temporal_split(timestamps, num_validation):
    """Return (train_indices, validation_indices) for data with an arrow of time: the latest samples validate.

    Never shuffle such data (that is a temporal leak: the model would learn from the
    future). Order the samples by their timestamp and hold out the `num_validation`
    LATEST ones, so no validation sample is older than any training sample. Samples
    may arrive out of order; equal timestamps keep their original order (a stable sort).

    Args:
        timestamps: a 1-D array of n comparable times (numbers or datetime64), any order.
        num_validation: how many of the latest samples to hold out, 0 < num_validation < n.

    Returns:
        Two 1-D integer arrays of indices into `timestamps`, each in chronological order:
        the n - num_validation earliest samples and the num_validation latest.

    Example:
        >>> temporal_split(np.array([2020, 2018, 2021, 2019]), 1)
        (array([1, 3, 0]), array([2]))

    Textbook: DLwP §4.2.2 "Things to keep in mind" (arrow of time); seed 000 §1.1.2 注 2 (时间泄露).
    """
    # Hint: np.argsort(..., kind="stable") gives the indices that put the times in order.
    raise NotImplementedError("argsort the timestamps (stably), then the last num_validation of that order validate")
