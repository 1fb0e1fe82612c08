"""The grading harness: what grader modules use to exercise and measure a student's code.

Graders reach student code only through `student_module`, so the same graders grade
chapters/, solutions/ or any submission folder (`--impl`), and everything that comes
back from it is plain data (see `kerakit.grading.boundary`). `graders/README.md` is
the guide to writing a chapter's graders with these helpers.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from kerakit.grading.boundary import FigureRecord, GeneratorRecord, ModelRecord, RegularizerRecord
from kerakit.grading.branches import assert_branches
from kerakit.grading.compile_settings import assert_compiled_with, loss_weights_by_output, losses_by_output
from kerakit.grading.errors import ExerciseMissing, GradingFailure, SubmissionError
from kerakit.grading.expectations import expect, expect_array, expect_close, expect_number, expect_png, expect_sequence, expect_value_error
from kerakit.grading.loader import StudentModule
from kerakit.grading.model_summary import assert_architecture
from kerakit.grading.rebuild import fresh_model
from kerakit.grading.seeding import seed_everything
from kerakit.grading.thresholds import HIGHER, LOWER
from kerakit.grading.training import Budget, TrainingResult, accuracy_of, mean_absolute_error_of, train_within_budget

__all__ = [
    "Budget",
    "ExerciseMissing",
    "FigureRecord",
    "GeneratorRecord",
    "GradingFailure",
    "HIGHER",
    "LOWER",
    "ModelRecord",
    "RegularizerRecord",
    "SubmissionError",
    "TrainingResult",
    "accuracy_of",
    "assert_architecture",
    "assert_branches",
    "assert_compiled_with",
    "expect",
    "expect_array",
    "expect_close",
    "expect_number",
    "expect_png",
    "expect_sequence",
    "expect_value_error",
    "fresh_model",
    "loss_weights_by_output",
    "losses_by_output",
    "mean_absolute_error_of",
    "seed_everything",
    "student_module",
    "train_within_budget",
]


def student_module(*names: str):
    """Return a pytest fixture named `module` that gives graders the student's module of this grader's chapter.

    The chapter is the folder the grader file lives in (graders/<chapter>/test_<module>.py).

    Args:
        names: the chapter module's name, e.g. "imdb" for imdb.py (the older form
            `student_module(chapter, module)` names the chapter too).

    Example:
        imdb = student_module("imdb")

        @pytest.mark.points(2)
        def test_vectorize(imdb):
            result = imdb.vectorize_sequences([[1, 3]], dimension=5)   # plain data: an np.ndarray
    """
    if len(names) == 2:
        chapter, module = names
    elif len(names) == 1:
        chapter, module = Path(inspect.stack()[1].filename).resolve().parent.name, names[0]
    else:
        raise TypeError("student_module(module) takes the module's name")

    @pytest.fixture(name=module, scope="session")
    def _student_module(kerakit_impl) -> StudentModule:
        return kerakit_impl.module(chapter, module)  # in sealed grading, a module in the student's own process

    return _student_module
