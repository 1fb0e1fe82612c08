"""Instructor-only graders for the tiny chapter 1: a secret input students never see."""

import pytest

from kerakit.grading import GradingFailure, student_module

arith = student_module("ch01_tiny", "arith")

SECRET_INPUT = 4242
SECRET_EXPECTED = 8484


@pytest.mark.points(1)
def test_double_secret_input(arith):
    """double(4242) == 8484 (SECRET_EXPECTED)."""
    got = arith.double(SECRET_INPUT)
    if got != SECRET_EXPECTED:
        raise GradingFailure(f"double({SECRET_INPUT}) returned {got!r}, expected {SECRET_EXPECTED}")
