"""Graders for the tiny chapter 1, arith.py."""

import math

import pytest

from kerakit.grading import GradingFailure, student_module

arith = student_module("ch01_tiny", "arith")


@pytest.mark.points(2)
def test_double(arith, rng):
    """double(x) returns 2 * x."""
    x = float(rng.integers(1, 100))
    got = arith.double(x)
    if got != 2 * x:
        raise GradingFailure(f"double({x:g}) returned {got!r}, expected {2 * x:g}")


@pytest.mark.points(1)
def test_mean(arith):
    """mean(values) returns the average."""
    got = arith.mean([1.0, 2.0, 6.0])
    if isinstance(got, float) and math.isnan(got):
        raise GradingFailure("mean([1, 2, 6]) returned NaN, expected 3")
    if got != 3.0:
        raise GradingFailure(f"mean([1, 2, 6]) returned {got!r}, expected 3")
