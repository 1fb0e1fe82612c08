"""Exceptions that carry one readable line of feedback for a student."""

from __future__ import annotations


class GradingFailure(AssertionError):
    """A check on the student's work failed; the message says expected vs got.

    The first line of the message is the one-line feedback; any further lines
    (a layer-by-layer model diff, say) are details shown under the points table.
    """


class SubmissionError(Exception):
    """The student's module could not be used at all (missing file, syntax error, crash at import)."""


class ExerciseMissing(SubmissionError):
    """The student's module has no function (or constant) that the exercise asks for."""
