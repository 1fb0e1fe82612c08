"""Graders for the tiny chapter 2, words.py."""

import pytest

from kerakit.grading import GradingFailure, student_module

words = student_module("ch02_tiny", "words")


@pytest.mark.points(1)
def test_count_words(words):
    """count_words counts words separated by spaces."""
    got = words.count_words("the cat  sat")
    if got != 3:
        raise GradingFailure(f"count_words('the cat  sat') returned {got!r}, expected 3")
