"""Graders for chapter 4, exercise 1: evaluation protocols on index arrays (DLwP §4.2)."""

import numpy as np
import pytest

from kerakit.grading import expect, expect_array, student_module

protocols = student_module("protocols")


def index_array(value, what):
    """Return `value` (an array or a list of ints) as a 1-D integer array, or fail saying what was expected."""
    if isinstance(value, (list, tuple)):
        value = np.asarray(value, dtype=np.int64) if len(value) else np.zeros(0, dtype=np.int64)
    return expect_array(value, what, shape=(None,), kinds="iu")


def expect_pair(result, what):
    """Return (train, validation) as integer arrays, failing readably if `result` is not such a pair."""
    expect(isinstance(result, (tuple, list)) and len(result) == 2, f"{what} should return (train_indices, validation_indices), got {type(result).__name__}")
    return index_array(result[0], f"the training indices of {what}"), index_array(result[1], f"the validation indices of {what}")


def expect_disjoint(train, validation, what):
    """Fail when one index is in both parts or twice in one part."""
    overlap = np.intersect1d(train, validation)
    expect(overlap.size == 0, f"{what}: indices {overlap[:5].tolist()} are both in training and in validation (a leak)")
    for name, part in (("training", train), ("validation", validation)):
        expect(len(np.unique(part)) == len(part), f"{what}: an index appears twice in the {name} part")


@pytest.mark.points(2)
def test_holdout_split(protocols, rng):
    """holdout_split holds out num_validation shuffled indices, every index once, reproducible from its seed."""
    for _ in range(3):
        n = int(rng.integers(20, 500))
        num_validation = int(rng.integers(1, n))
        seed = int(rng.integers(0, 2**31))
        what = f"holdout_split({n}, {num_validation}, seed={seed})"
        train, validation = expect_pair(protocols.holdout_split(n, num_validation, seed=seed), what)
        expect(len(validation) == num_validation and len(train) == n - num_validation,
               f"{what} should give {n - num_validation} training and {num_validation} validation indices, "
               f"got {len(train)} and {len(validation)}")
        expect_disjoint(train, validation, what)
        expect(np.array_equal(np.sort(np.concatenate([train, validation])), np.arange(n)), f"{what} should use every index 0..{n - 1} exactly once")
        again = expect_pair(protocols.holdout_split(n, num_validation, seed=seed), what)
        expect(np.array_equal(again[1], validation), f"{what} called twice gave two different splits: the seed should make it reproducible")
    n, num_validation = 200, 50
    splits = [expect_pair(protocols.holdout_split(n, num_validation, seed=seed), f"holdout_split({n}, {num_validation}, seed={seed})")[1] for seed in (1, 2, 3)]
    expect(not all(np.array_equal(np.sort(s), np.arange(num_validation)) for s in splits),
           "holdout_split always holds out the first samples: shuffle the indices before splitting (DLwP §4.2.2)")
    expect(not np.array_equal(np.sort(splits[0]), np.sort(splits[1])) or not np.array_equal(np.sort(splits[1]), np.sort(splits[2])),
           "holdout_split gives the same split for different seeds: shuffle with np.random.default_rng(seed)")
    fresh = [np.sort(expect_pair(protocols.holdout_split(n, num_validation), f"holdout_split({n}, {num_validation})")[1]) for _ in range(3)]
    expect(not all(np.array_equal(fresh[0], other) for other in fresh[1:]),
           f"holdout_split({n}, {num_validation}) without a seed gave the same split three times: seed=None means a fresh "
           "shuffle each call (np.random.default_rng(None)), not a fixed seed")


@pytest.mark.points(3)
def test_k_fold_splits(protocols, rng):
    """k_fold_splits validates each of the first k*m indices once, never overlapping, leftovers always in training."""
    for n, k in ((int(rng.integers(30, 300)), int(rng.integers(2, 8))), (int(rng.integers(7, 20)) * 5 + 3, 5), (40, 4)):
        indices = rng.permutation(n) + int(rng.integers(0, 1000))  # any index values, in any order
        m = n // k
        what = f"k_fold_splits(<{n} shuffled indices>, k={k})"
        folds = protocols.k_fold_splits(indices, k)
        expect(isinstance(folds, (list, tuple)) and len(folds) == k, f"{what} should return a list of {k} (train, validation) pairs, got {type(folds).__name__} of length {len(folds) if hasattr(folds, '__len__') else '?'}")
        validated = []
        for fold, pair in enumerate(folds):
            train, validation = expect_pair(pair, f"fold {fold} of {what}")
            expect_disjoint(train, validation, f"fold {fold} of {what}")
            expected_validation = indices[fold * m:(fold + 1) * m]
            expect(np.array_equal(validation, expected_validation),
                   f"fold {fold} of {what} should validate indices[{fold * m}:{(fold + 1) * m}] (m = len(indices) // k = {m}), "
                   f"got {len(validation)} indices starting {validation[:4].tolist()}")
            expect(len(train) == n - m and np.array_equal(np.sort(train), np.sort(np.setdiff1d(indices, expected_validation))),
                   f"fold {fold} of {what} should train on the other {n - m} indices, got {len(train)}")
            validated.extend(validation.tolist())
        expect(sorted(validated) == sorted(indices[:k * m].tolist()), f"{what}: each of the first k * m = {k * m} indices should be validated exactly once")
        leftover = indices[k * m:]
        expect(all(np.isin(leftover, expect_pair(pair, what)[0]).all() for pair in folds),
               f"{what}: the last len(indices) % k = {n % k} indices are never validated and belong to every fold's training part")


@pytest.mark.points(3)
def test_iterated_k_fold_splits(protocols, rng):
    """iterated_k_fold_splits gives P x K leak-free folds, a new shuffle per repetition, reproducible from the seed."""
    n, k, repetitions = int(rng.integers(40, 200)), int(rng.integers(2, 6)), int(rng.integers(2, 5))
    seed = int(rng.integers(0, 2**31))
    m = n // k
    what = f"iterated_k_fold_splits({n}, k={k}, repetitions={repetitions}, seed={seed})"
    splits = protocols.iterated_k_fold_splits(n, k, repetitions, seed=seed)
    expect(isinstance(splits, (list, tuple)) and len(splits) == repetitions * k,
           f"{what} should return P x K = {repetitions * k} (train, validation) pairs, got {len(splits) if hasattr(splits, '__len__') else type(splits).__name__}")
    partitions = []
    for repetition in range(repetitions):
        validated = []
        for fold in range(k):
            train, validation = expect_pair(splits[repetition * k + fold], f"repetition {repetition} fold {fold} of {what}")
            expect_disjoint(train, validation, f"repetition {repetition} fold {fold} of {what}")
            expect(len(validation) == m and len(train) == n - m and np.array_equal(np.sort(np.concatenate([train, validation])), np.arange(n)),
                   f"repetition {repetition} fold {fold} of {what} should split 0..{n - 1} into {n - m} training and {m} validation indices")
            validated.extend(validation.tolist())
        expect(len(set(validated)) == k * m, f"repetition {repetition} of {what}: its {k} folds should validate {k * m} different samples, each once")
        partitions.append([frozenset(splits[repetition * k + fold][1].tolist()) for fold in range(k)])
    expect(len({tuple(p) for p in partitions}) == repetitions,
           f"{what}: two repetitions split the samples into the same folds; shuffle afresh before each repetition")
    again = protocols.iterated_k_fold_splits(n, k, repetitions, seed=seed)
    expect(all(np.array_equal(a[1], b[1]) for a, b in zip(splits, again)), f"{what} called twice gave different folds: use np.random.default_rng(seed)")
    other = protocols.iterated_k_fold_splits(n, k, repetitions, seed=seed + 1)
    expect(not all(np.array_equal(a[1], b[1]) for a, b in zip(splits, other)), f"{what}: another seed gave the same folds; the shuffles should come from the seed")


@pytest.mark.points(2)
def test_temporal_split(protocols, rng):
    """temporal_split never shuffles: every validation sample is at least as late as every training sample."""
    for _ in range(3):
        n = int(rng.integers(10, 300))
        num_validation = int(rng.integers(1, n))
        timestamps = rng.integers(0, n, size=n)  # out of order, with repeated times
        what = f"temporal_split(<{n} unordered timestamps>, {num_validation})"
        train, validation = expect_pair(protocols.temporal_split(timestamps, num_validation), what)
        expect(len(validation) == num_validation and len(train) == n - num_validation,
               f"{what} should give {n - num_validation} training and {num_validation} validation indices, got {len(train)} and {len(validation)}")
        expect_disjoint(train, validation, what)
        expect(np.array_equal(np.sort(np.concatenate([train, validation])), np.arange(n)), f"{what} should use every index exactly once")
        expect(timestamps[validation].min() >= timestamps[train].max(),
               f"{what} puts a validation sample (time {timestamps[validation].min()}) before a training sample (time {timestamps[train].max()}): "
               "a temporal leak; hold out the LATEST samples")
        for name, part in (("training", train), ("validation", validation)):
            expect(np.all(np.diff(timestamps[part]) >= 0), f"{what}: the {name} indices should be in chronological order")
    dates = np.array(["2021-03-01", "2020-01-15", "2021-01-01", "2019-07-04"], dtype="datetime64[D]")
    train, validation = expect_pair(protocols.temporal_split(dates, 2), "temporal_split(<4 dates>, 2)")
    expect(train.tolist() == [3, 1] and validation.tolist() == [2, 0],
           f"temporal_split(<4 dates>, 2) should work on datetime64 too: expected ([3, 1], [2, 0]), got ({train.tolist()}, {validation.tolist()})")
