"""A progress bar on stderr: done/total, problems, elapsed time and an ETA."""

from __future__ import annotations

import sys
import threading
import time


class Progress:
    """Counts finished submissions and redraws one status line (a plain line per update when not a terminal)."""

    def __init__(self, total: int, stream=None, width: int = 30):
        self.total = total
        self.done = 0
        self.problems = 0
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, student: str, problem: bool) -> None:
        """Count one finished submission and redraw."""
        with self._lock:
            self.done += 1
            self.problems += problem
            self._draw(student)

    def line(self, student: str = "") -> str:
        """Return the status line: bar, counts, elapsed and ETA."""
        filled = int(self.width * self.done / self.total) if self.total else self.width
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done) if self.done else None
        eta_text = _duration(eta) if eta is not None else "?"
        last = f"  last: {student}" if student else ""
        return (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} graded, "
                f"{self.problems} with problems, {_duration(elapsed)} elapsed, ETA {eta_text}{last}")

    def finish(self) -> None:
        """End the status line."""
        if self._tty:
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, student: str) -> None:
        if self._tty:
            self.stream.write("\r\033[K" + self.line(student))
        else:
            self.stream.write(self.line(student) + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
