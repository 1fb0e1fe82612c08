"""Proofs that the chapter 2 graders (tensors, gradients) can be trusted.

They give full points to the reference, zero to the untouched stubs, take points
from plausible wrong answers, accept correct answers written differently, and
turn a broken submission into one readable line per test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHAPTER = "ch02_tensors"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER

TENSORS_TESTS = {
    "test_naive_relu_matches_numpy", "test_naive_relu_leaves_input_unchanged",
    "test_naive_add_matches_numpy", "test_naive_add_leaves_inputs_unchanged", "test_naive_add_rejects_mismatched_shapes",
    "test_naive_add_matrix_and_vector_matches_numpy", "test_naive_add_matrix_and_vector_leaves_inputs_unchanged",
    "test_naive_add_matrix_and_vector_rejects_mismatched_shapes", "test_naive_vector_dot_matches_numpy",
    "test_naive_matrix_vector_dot_matches_numpy", "test_naive_matrix_dot_matches_numpy",
    "test_naive_dots_reject_mismatched_shapes", "test_describe_tensor", "test_data_tensor_shape",
    "test_stack_along_each_axis", "test_flatten_images", "test_transpose", "test_to_channels_last",
    "test_batch_returns_nth_slice", "test_batch_includes_last_partial_batch",
}
GRADIENTS_TESTS = {
    "test_dense_forward", "test_loss_is_mean_squared_error", "test_gradients_match_finite_differences",
    "test_sgd_step_applies_update", "test_sgd_step_lowers_loss", "test_momentum_step",
}
TENSORS_ONLY = "test_tensors"  # a -k expression selecting the grader module test_tensors.py
GRADIENTS_ONLY = "test_gradients"


def expect_one_clean_line(feedback: str) -> None:
    """Assert the feedback is a single line without a traceback."""
    assert "\n" not in feedback and "Traceback" not in feedback, feedback


def test_reference_gets_full_points(grade):
    run = grade(CHAPTER, "solutions")
    assert set(run.by_test) == TENSORS_TESTS | GRADIENTS_TESTS
    for name, result in run.by_test.items():
        assert (result.status, result.points) == ("passed", result.max_points), f"{name}: {result.feedback}"
    assert 20 <= run.max_score <= 30
    assert run.exit_code == 0


def test_stubs_get_zero_and_read_not_implemented(grade):
    run = grade(CHAPTER, "chapters")
    assert set(run.by_test) == TENSORS_TESTS | GRADIENTS_TESTS
    for name, result in run.by_test.items():
        assert result.points == 0, name
        assert result.status == "not implemented", f"{name}: {result.status}: {result.feedback}"
        assert result.feedback.startswith("not implemented yet"), f"{name}: {result.feedback}"
        expect_one_clean_line(result.feedback)


# (wrong file, module whose functions it replaces, tests that must lose their points,
#  a pattern (re.search) the feedback of each must match)
WRONG_IMPLEMENTATIONS = [
    ("relu_in_place.py", "tensors", ["test_naive_relu_leaves_input_unchanged"], "expected x unchanged"),
    ("add_in_place.py", "tensors", ["test_naive_add_leaves_inputs_unchanged"], "expected x unchanged"),
    ("add_matrix_and_vector_no_check.py", "tensors", ["test_naive_add_matrix_and_vector_rejects_mismatched_shapes"],
     "expected an AssertionError or ValueError"),
    ("matrix_dot_off_by_one.py", "tensors", ["test_naive_matrix_dot_matches_numpy"], "expected"),
    ("matrix_dot_no_shape_check.py", "tensors", ["test_naive_dots_reject_mismatched_shapes"],
     re.escape("naive_matrix_dot(x, y) for shapes")),
    ("stack_wrong_axes.py", "tensors", ["test_stack_along_each_axis"], "stacked along axis 1"),
    ("stack_hard_coded.py", "tensors", ["test_stack_along_each_axis"], "expected shape"),
    ("batch_off_by_one.py", "tensors", ["test_batch_returns_nth_slice", "test_batch_includes_last_partial_batch"],
     "expected"),
    ("batch_full_last_batch.py", "tensors", ["test_batch_includes_last_partial_batch"], "the last, partial batch"),
    ("image_channels_first.py", "tensors", ["test_data_tensor_shape"], re.escape("(samples, height, width, channels)")),
    ("data_shape_keyword_order.py", "tensors", ["test_data_tensor_shape"], "expected"),
    ("flatten_column_major.py", "tensors", ["test_flatten_images"], "expected"),
    ("channels_last_by_reshape.py", "tensors", ["test_to_channels_last"], "expected"),
    ("dense_forward_no_relu.py", "gradients", ["test_dense_forward"], "expected"),
    ("loss_summed.py", "gradients", ["test_loss_is_mean_squared_error", "test_gradients_match_finite_differences"],
     "expected"),
    ("gradient_transposed.py", "gradients", ["test_gradients_match_finite_differences"], re.escape("expected shape (5, 3)")),
    ("sgd_wrong_sign.py", "gradients", ["test_sgd_step_applies_update", "test_sgd_step_lowers_loss"], "expected"),
    ("sgd_returns_inputs.py", "gradients", ["test_sgd_step_applies_update", "test_sgd_step_lowers_loss"],
     "expected"),
    ("sgd_in_place.py", "gradients", ["test_sgd_step_applies_update"], "changed its input W in place"),
    ("momentum_old_velocity.py", "gradients", ["test_momentum_step"], "expected"),
]


@pytest.mark.parametrize("wrong_file, module, losing_tests, pattern", WRONG_IMPLEMENTATIONS,
                         ids=[row[0].removesuffix(".py") for row in WRONG_IMPLEMENTATIONS])
def test_wrong_implementation_loses_points(grade, submission, wrong_file, module, losing_tests, pattern):
    folder = submission(CHAPTER, {module: WRONG / wrong_file})
    run = grade(CHAPTER, folder, k=" or ".join(losing_tests))
    assert set(run.by_test) == set(losing_tests)
    for name in losing_tests:
        result = run[name]
        assert (result.points, result.status) == (0, "failed"), f"{name}: {result.status}: {result.feedback}"
        assert re.search(pattern, result.feedback), f"{name}: {result.feedback}"
        expect_one_clean_line(result.feedback)


def test_in_place_relu_keeps_its_points_for_correct_values(grade, submission):
    """Partial credit: a relu with the right values but changing its input loses only that test."""
    folder = submission(CHAPTER, {"tensors": WRONG / "relu_in_place.py"})
    run = grade(CHAPTER, folder, k="test_naive_relu")
    assert run["test_naive_relu_matches_numpy"].status == "passed"
    assert run["test_naive_relu_leaves_input_unchanged"].status == "failed"


@pytest.mark.parametrize("module, alternative_file, only", [
    ("tensors", "vectorised_tensors.py", TENSORS_ONLY),
    ("gradients", "numpy_backprop_gradients.py", GRADIENTS_ONLY),
    ("gradients", "keras_dense_layer_gradients.py", GRADIENTS_ONLY),
], ids=["vectorised-numpy", "numpy-backprop", "keras-dense-layer"])
def test_correct_alternative_gets_full_points(grade, submission, module, alternative_file, only):
    folder = submission(CHAPTER, {module: ALTERNATIVE / alternative_file})
    run = grade(CHAPTER, folder, k=only)
    assert set(run.by_test) == (TENSORS_TESTS if module == "tensors" else GRADIENTS_TESTS)
    for name, result in run.by_test.items():
        assert result.status == "passed", f"{name}: {result.feedback}"
    assert run.score == run.max_score


def test_syntax_error_zeroes_the_module_with_one_line(grade, submission):
    folder = submission(CHAPTER, {})
    module_file = folder / CHAPTER / "tensors.py"
    lines = module_file.read_text().splitlines(keepends=True)
    broken_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("def naive_add(x, y):"))
    lines[broken_line - 1] = "def naive_add(x, y)\n"  # the missing colon every student has typed once
    module_file.write_text("".join(lines))

    # --tb=no as `kerakit check` runs it: the loader re-raises one cached SubmissionError, whose
    # traceback grows with every test, and pytest's default traceback formatting then takes seconds.
    run = grade(CHAPTER, folder, extra=("--tb=no",))
    for name in TENSORS_TESTS:
        result = run[name]
        assert (result.points, result.status) == (0, "error"), f"{name}: {result.status}"
        assert "tensors.py" in result.feedback and f"line {broken_line}" in result.feedback, result.feedback
        assert "SyntaxError" in result.feedback
        expect_one_clean_line(result.feedback)
    for name in GRADIENTS_TESTS:
        assert run[name].status == "passed", f"{name}: {run[name].feedback}"


def test_missing_function_zeroes_only_its_tests(grade, submission):
    folder = submission(CHAPTER, {})
    module_file = folder / CHAPTER / "tensors.py"
    # A student who renamed the function: the graders cannot find naive_relu any more.
    module_file.write_text(re.sub(r"^def naive_relu\(", "def relu(", module_file.read_text(), flags=re.M))

    run = grade(CHAPTER, folder, k=TENSORS_ONLY)
    relu_tests = {"test_naive_relu_matches_numpy", "test_naive_relu_leaves_input_unchanged"}
    for name in relu_tests:
        result = run[name]
        assert (result.points, result.status) == (0, "error"), f"{name}: {result.status}"
        assert "tensors.py" in result.feedback and "has no `naive_relu`" in result.feedback, result.feedback
        expect_one_clean_line(result.feedback)
    for name in TENSORS_TESTS - relu_tests:
        assert run[name].status == "passed", f"{name}: {run[name].feedback}"
