"""Turn what went wrong in a graded test into one line a student can act on."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from kerakit.grading.errors import GradingFailure, SubmissionError

PASSED = "passed"
FAILED = "failed"
NOT_IMPLEMENTED = "not implemented"
ERROR = "error"
TIMEOUT = "timeout"
SKIPPED = "skipped"

NOT_IMPLEMENTED_YET = "not implemented yet"


@dataclass(frozen=True)
class Feedback:
    """What a student reads about one test: a status, one line, and optional details."""

    status: str
    line: str
    details: str = ""

    @property
    def text(self) -> str:
        """Return the line followed by the details, if any."""
        return f"{self.line}\n{self.details}".rstrip()


def feedback_for(error: BaseException, implementation_root: Path | None) -> Feedback:
    """Return the Feedback for an exception raised while grading.

    Args:
        error: what the test raised.
        implementation_root: the folder of the code under test; frames inside it are
            the student's, and name the file and line the student should look at.
    """
    if _is_timeout(error):
        return Feedback(TIMEOUT, f"took too long and was stopped ({_first_line(error)}): look for a loop that never ends")
    from kerakit.grading.sealed import StudentRaised

    if isinstance(error, StudentRaised):  # raised in the student's own process, described there
        return _feedback_for_raised(error)
    student_frame = _deepest_frame_in(error, implementation_root)
    if isinstance(error, NotImplementedError) and student_frame is not None:
        where = f"{student_frame.name}() in {Path(student_frame.filename).name}"
        hint = _first_line(error)
        suffix = "" if hint in ("", "(no message)", NOT_IMPLEMENTED_YET) else f": {hint}"
        return Feedback(NOT_IMPLEMENTED, f"{NOT_IMPLEMENTED_YET}: {where}{suffix}")
    if isinstance(error, SubmissionError):
        return Feedback(ERROR, _first_line(error))
    if isinstance(error, GradingFailure):
        lines = str(error).strip().splitlines() or ["(no message)"]
        return Feedback(FAILED, lines[0], "\n".join(lines[1:]))
    if type(error).__name__ == "DatasetError":  # kerakit.data's: the kit's data, not the student's code
        return Feedback(ERROR, f"the grader's data could not be loaded: {_first_line(error)}")
    if student_frame is not None:
        where = f"{Path(student_frame.filename).name} line {student_frame.lineno}, in {student_frame.name}()"
        return Feedback(ERROR, f"{type(error).__name__} in {where}: {_first_line(error)}")
    if isinstance(error, AssertionError):
        return Feedback(FAILED, _first_line(error))
    return Feedback(
        ERROR,
        f"{type(error).__name__} while checking your result: {_first_line(error)} (run with -v for the traceback)",
    )


def _feedback_for_raised(error) -> Feedback:
    """Return the Feedback for an exception student code raised in its own process (sealed grading)."""
    message = error.message.strip().splitlines()[0] if error.message.strip() else "(no message)"
    if isinstance(error, NotImplementedError) and error.file:
        suffix = "" if message in ("(no message)", NOT_IMPLEMENTED_YET) else f": {message}"
        return Feedback(NOT_IMPLEMENTED, f"{NOT_IMPLEMENTED_YET}: {error.function}() in {error.file}{suffix}")
    if error.file:
        return Feedback(ERROR, f"{error.type_name} in {error.file} line {error.line}, in {error.function}(): {message}")
    return Feedback(ERROR, f"{error.type_name} while running your code: {message}")


def _is_timeout(error: BaseException) -> bool:
    return type(error).__name__ == "Failed" and str(error).lstrip().startswith("Timeout")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "(no message)"


def _deepest_frame_in(error: BaseException, root: Path | None) -> traceback.FrameSummary | None:
    """Return the deepest traceback frame whose file lies under `root`, or None."""
    if root is None:
        return None
    root = root.resolve()
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        try:
            Path(frame.filename).resolve().relative_to(root)
        except ValueError:
            continue
        found = frame
    return found
