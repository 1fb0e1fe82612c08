"""Score a submission from its streamed records against the instructor's catalog of tests."""

from __future__ import annotations

import signal
from dataclasses import dataclass

from kerakit.grading.feedback import ERROR, FAILED, NOT_IMPLEMENTED, PASSED, SKIPPED, TIMEOUT
from kerakit.grading.reports import HIDDEN, VISIBLE, ExerciseResult, GradingReport

KNOWN_STATUSES = {PASSED, FAILED, NOT_IMPLEMENTED, ERROR, TIMEOUT, SKIPPED}
MAX_FEEDBACK = 600
MAX_DETAILS = 6000


@dataclass(frozen=True)
class CatalogTest:
    """One graded test as the instructor's graders define it (the only source of points)."""

    name: str  # "ch03_first_networks/imdb::test_vectorize_sequences"
    points: float
    visibility: str = VISIBLE
    title: str = ""
    timeout: float | None = None

    @property
    def chapter(self) -> str:
        """Return the chapter folder name."""
        return self.name.split("/", 1)[0]


def catalog_from_records(records: list[dict]) -> list[CatalogTest]:
    """Return the CatalogTests in `records` (the catalog job's "test" lines), in collection order."""
    tests, seen = [], set()
    for record in records:
        if record.get("type") != "test" or record["name"] in seen:
            continue
        seen.add(record["name"])
        visibility = HIDDEN if record.get("visibility") == HIDDEN else VISIBLE
        tests.append(CatalogTest(record["name"], float(record["points"]), visibility, record.get("title", ""),
                                 record.get("timeout")))
    return tests


class Outcomes:
    """The results of one submission so far: one ExerciseResult per catalog test, each set once."""

    def __init__(self, catalog: list[CatalogTest]):
        self.catalog = {test.name: test for test in catalog}
        self.results: dict[str, ExerciseResult] = {}
        self.sandbox: dict = {}  # what the student's process reported it applied (first try)

    @property
    def remaining(self) -> list[str]:
        """Return the names of the tests without a result yet, in catalog order."""
        return [name for name in self.catalog if name not in self.results]

    def accept(self, record: dict) -> bool:
        """Take a streamed "result" record; return True if it set a result.

        Only the status and the feedback come from the record; points, title and
        visibility come from the catalog. A name outside the catalog, or one that
        already has a result, is ignored.
        """
        name = record.get("name")
        test = self.catalog.get(name) if isinstance(name, str) else None
        if test is None or name in self.results:
            return False
        status = record.get("status") if record.get("status") in KNOWN_STATUSES else ERROR
        feedback = _text(record.get("feedback"), MAX_FEEDBACK)
        if "File too large" in feedback or "Errno 27" in feedback:
            feedback = f"wrote too much output (more than the output limit) and was stopped: {feedback}"
        measurements = record.get("measurements") if isinstance(record.get("measurements"), list) else []
        self.results[name] = self._result(test, status, feedback, _text(record.get("details"), MAX_DETAILS),
                                          _number(record.get("duration")), measurements[:20])
        return True

    def zero(self, name: str, status: str, reason: str) -> None:
        """Give test `name` zero points with a one-line reason, unless it already has a result."""
        if name in self.catalog and name not in self.results:
            self.results[name] = self._result(self.catalog[name], status, reason, "", 0.0, [])

    def zero_all(self, names: list[str], status: str, reason: str) -> None:
        """Give each of `names` zero points with the same reason."""
        for name in names:
            self.zero(name, status, reason)

    def report(self, label: str, seconds: float, seed: int) -> GradingReport:
        """Return the GradingReport in catalog order (a test without a result reads "not graded")."""
        self.zero_all(self.remaining, ERROR, "not graded")
        return GradingReport(label, [self.results[name] for name in self.catalog], seconds, seed)

    @staticmethod
    def _result(test: CatalogTest, status: str, feedback: str, details: str, duration: float,
                measurements: list) -> ExerciseResult:
        return ExerciseResult(
            name=test.name, title=test.title, points=test.points if status == PASSED else 0.0,
            max_points=test.points, status=status, feedback=feedback if status != PASSED else "",
            details=details if test.visibility != HIDDEN else "", visibility=test.visibility,
            duration=round(duration, 3), measurements=measurements if test.visibility != HIDDEN else [],
        )


def describe_exit(code: int | None, signal_number: int | None, cpu_seconds: int) -> str:
    """Return one line saying how the student's process ended."""
    if signal_number is not None:
        if signal_number == signal.SIGXCPU:
            return f"used more than {cpu_seconds} s of CPU time and was stopped"
        if signal_number == signal.SIGKILL:
            return "the grading process was killed (SIGKILL): it ran out of memory or the submission killed it"
        if signal_number == signal.SIGSEGV:
            return "the grading process crashed (segmentation fault), e.g. out of memory in native code"
        try:
            name = signal.Signals(signal_number).name
        except ValueError:
            name = f"signal {signal_number}"
        return f"the grading process was ended by {name}"
    return f"the submission ended the grading process (exit code {code}: sys.exit or os._exit in the student's code?)"


def _text(value, limit: int) -> str:
    text = value if isinstance(value, str) else ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _number(value) -> float:
    return float(value) if isinstance(value, (int, float)) and value == value and abs(value) < 1e7 else 0.0
