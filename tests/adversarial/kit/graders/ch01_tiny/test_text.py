"""Graders for the tiny chapter 1, text.py."""

import pytest

from kerakit.grading import GradingFailure, student_module

text = student_module("ch01_tiny", "text")


@pytest.mark.points(1)
def test_shout(text):
    """shout("hi") returns "HI!"."""
    got = text.shout("hi")
    if got != "HI!":
        raise GradingFailure(f"shout('hi') returned {got!r}, expected 'HI!'")
