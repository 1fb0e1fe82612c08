"""Graders for chapter 4, exercise 2: standardisation and missing values (DLwP §4.3.1)."""

import numpy as np
import pytest

from kerakit.grading import expect, expect_sequence, expect_array, expect_close, student_module

preprocessing = student_module("preprocessing")


def train_and_test(rng, with_constant=False):
    """Return (train, test) with different means and scales per feature; the test data is shifted."""
    features = int(rng.integers(2, 8))
    scale, centre = rng.uniform(0.5, 50, size=features), rng.uniform(-100, 100, size=features)
    train = rng.normal(size=(int(rng.integers(20, 80)), features)) * scale + centre
    test = rng.normal(size=(int(rng.integers(10, 40)), features)) * scale * 2 + centre + 3 * scale
    if with_constant:
        train[:, 0] = 7.0
    return train, test


@pytest.mark.points(1)
def test_fit_standardization(preprocessing, rng):
    """fit_standardization returns the per-feature mean and std of the training data; a constant feature gets std 1."""
    train, _ = train_and_test(rng, with_constant=True)
    what = f"fit_standardization(<{train.shape} training data, feature 0 constant>)"
    result = preprocessing.fit_standardization(train)
    result = expect_sequence(result, f"{what}", 2, "(mean, std)")
    std = train.std(axis=0)
    std[0] = 1.0
    expect_close(np.asarray(result[0], dtype=float), train.mean(axis=0), f"the mean from {what}")
    expect_close(np.asarray(result[1], dtype=float), std, f"the std from {what} (a constant feature's std should be 1.0)")


@pytest.mark.points(2)
def test_standardize_uses_training_statistics(preprocessing, rng):
    """standardize scales both arrays with the TRAINING mean and std, leaving the inputs unchanged."""
    train, test = train_and_test(rng)
    what = f"standardize(<{train.shape} train>, <{test.shape} test>)"
    call = preprocessing.standardize.call(train, test)
    train_after, test_after = call.arguments
    result = expect_sequence(call.result, f"{what}", 2, "(train_standardized, test_standardized)")
    result = expect_sequence(result, f"{what}", 2, "(train_standardized, test_standardized)")
    mean, std = train.mean(axis=0), train.std(axis=0)
    expect_close(np.asarray(result[0], dtype=float), (train - mean) / std, f"the training part of {what}", rtol=1e-4, atol=1e-5)
    expect_close(np.asarray(result[1], dtype=float), (test - mean) / std,
                 f"the test part of {what} (use the TRAINING statistics for both: test statistics leak the test set)", rtol=1e-4, atol=1e-5)
    expect(np.array_equal(train, train_after) and np.array_equal(test, test_after), f"{what} changed its inputs in place; return new arrays")


def with_missing(rng, shape, fraction=0.2):
    """Return a random float array of `shape` with about `fraction` of its values NaN, and real zeros too."""
    data = rng.normal(size=shape) * 5
    data[rng.uniform(size=shape) < 0.1] = 0.0  # real zeros, which must not be flagged as missing
    data[rng.uniform(size=shape) < fraction] = np.nan
    return data


@pytest.mark.points(2)
def test_fill_missing(preprocessing, rng):
    """fill_missing sets NaN to 0 and appends one 0/1 indicator column per feature, as float32."""
    for _ in range(2):
        n, features = int(rng.integers(5, 40)), int(rng.integers(1, 7))
        data = with_missing(rng, (n, features))
        original = data.copy()
        what = f"fill_missing(<{n} x {features} data with NaN>)"
        filled = preprocessing.fill_missing.call(data)
        result = expect_array(filled.result, what, shape=(n, 2 * features), kinds="f")
        expect(result.dtype == np.float32, f"{what} should be float32, got {result.dtype}")
        missing = np.isnan(original)
        expect_close(result[:, :features], np.where(missing, 0.0, original), f"the value columns of {what} (missing -> 0)", rtol=1e-5, atol=1e-5)
        expect_close(result[:, features:], missing.astype("float32"),
                     f"the indicator columns {features}..{2 * features - 1} of {what} (1.0 where the value was missing)")
        expect(np.array_equal(np.isnan(filled.arguments[0]), missing), f"{what} changed its input in place")
    complete = rng.normal(size=(6, 3))
    result = expect_array(preprocessing.fill_missing(complete), "fill_missing(<data without NaN>)", shape=(6, 6))
    expect_close(result[:, 3:], np.zeros((6, 3)), "the indicators of fill_missing(<data without NaN>): every feature keeps its column, all 0")


@pytest.mark.points(2)
def test_prepare_features(preprocessing, rng):
    """prepare_features standardises with the training values that are present, then fills missing values with indicators."""
    train, test = train_and_test(rng)
    train[rng.uniform(size=train.shape) < 0.15] = np.nan
    test[rng.uniform(size=test.shape) < 0.15] = np.nan
    features = train.shape[1]
    what = f"prepare_features(<{train.shape} train with NaN>, <{test.shape} test with NaN>)"
    result = preprocessing.prepare_features(train, test)
    result = expect_sequence(result, f"{what}", 2, "(train_ready, test_ready)")
    mean, std = np.nanmean(train, axis=0), np.nanstd(train, axis=0)
    for name, data, got in (("training", train, result[0]), ("test", test, result[1])):
        got = expect_array(got, f"the {name} part of {what}", shape=(len(data), 2 * features), kinds="f")
        scaled = (data - mean) / std
        expect_close(got[:, :features], np.where(np.isnan(scaled), 0.0, scaled),
                     f"the value columns of the {name} part of {what} (statistics from the training values present)", rtol=1e-4, atol=1e-4)
        expect_close(got[:, features:], np.isnan(data).astype("float32"), f"the indicator columns of the {name} part of {what}")
