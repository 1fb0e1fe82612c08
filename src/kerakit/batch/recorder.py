"""Write each submission's results as soon as they are known, atomically, and know which are done."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from kerakit.batch.redact import feedback_markdown, gradescope_results
from kerakit.grading.reports import GradingReport, to_kerakit_json

REPORT = "report.json"  # the instructor's full record; written last, so it marks a finished submission
LEDGER = "graded.jsonl"  # one line per submission graded, appended; resume never adds a second


class Recorder:
    """The output folder: students/<name>/{feedback.md, results.json, report.json} and the ledger."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.students_dir = self.out_dir / "students"
        self.students_dir.mkdir(parents=True, exist_ok=True)

    def folder(self, student: str) -> Path:
        """Return the student's output folder."""
        return self.students_dir / student

    def is_done(self, student: str) -> bool:
        """Return True when the student's report.json exists and reads back."""
        try:
            json.loads((self.folder(student) / REPORT).read_text())
            return True
        except (OSError, ValueError):
            return False

    def forget(self, student: str) -> None:
        """Remove the student's report.json so it is graded again (`--force`)."""
        (self.folder(student) / REPORT).unlink(missing_ok=True)

    def save(self, student: str, report: GradingReport, reasons: list[str], extra: dict) -> None:
        """Write the student's feedback.md, results.json, then report.json, each atomically; append the ledger."""
        folder = self.folder(student)
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(folder / "feedback.md", feedback_markdown(student, report, reasons))
        _write_atomic(folder / "results.json", json.dumps(gradescope_results(report, reasons), indent=2) + "\n")
        full = {"student": student, "reasons": reasons, **extra, **to_kerakit_json(report)}
        _write_atomic(folder / REPORT, json.dumps(full, indent=2) + "\n")
        with open(self.out_dir / LEDGER, "a") as ledger:
            ledger.write(json.dumps({"student": student, "score": report.score, "run": extra.get("run"),
                                     "finished": time.strftime("%Y-%m-%dT%H:%M:%S")}) + "\n")

    def load(self, student: str) -> dict:
        """Return the student's report.json as a dict."""
        return json.loads((self.folder(student) / REPORT).read_text())


def _write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
