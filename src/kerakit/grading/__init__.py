"""The grading harness: what grader modules use to exercise and measure a student's code.

Graders reach student code only through `student_module`, so the same graders grade
chapters/, solutions/ or any submission folder (`--impl`).
"""

from __future__ import annotations

import pytest

from kerakit.grading.compile_settings import CompileSettings, assert_compiled_with, compile_settings
from kerakit.grading.errors import ExerciseMissing, GradingFailure, SubmissionError
from kerakit.grading.expectations import expect, expect_array, expect_close
from kerakit.grading.loader import StudentModule
from kerakit.grading.model_summary import (
    EXACT_ARCHITECTURE,
    OUTPUT_SHAPE,
    PARAMETER_COUNT,
    ModelDiff,
    assert_architecture,
    compare_models,
    summarize_model,
)
from kerakit.grading.thresholds import HIGHER, LOWER
from kerakit.grading.training import Budget, TrainingResult, accuracy_of, mean_absolute_error_of, train_within_budget

__all__ = [
    "Budget",
    "CompileSettings",
    "EXACT_ARCHITECTURE",
    "ExerciseMissing",
    "GradingFailure",
    "HIGHER",
    "LOWER",
    "ModelDiff",
    "OUTPUT_SHAPE",
    "PARAMETER_COUNT",
    "SubmissionError",
    "TrainingResult",
    "accuracy_of",
    "assert_architecture",
    "assert_compiled_with",
    "compare_models",
    "compile_settings",
    "expect",
    "expect_array",
    "expect_close",
    "mean_absolute_error_of",
    "student_module",
    "summarize_model",
    "train_within_budget",
]


def student_module(chapter: str, module: str):
    """Return a pytest fixture named `module` that gives graders the student's module.

    Example:
        imdb = student_module("ch03_first_networks", "imdb")

        @pytest.mark.points(2)
        def test_vectorize(imdb):
            result = imdb.vectorize_sequences([[1, 3]], dimension=5)
    """

    @pytest.fixture(name=module)
    def _student_module(kerakit_impl) -> StudentModule:
        return StudentModule(kerakit_impl, chapter, module)

    return _student_module
