"""One grading result, many formats: the terminal table, kerakit JSON and Gradescope results.json."""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kerakit.grading.feedback import PASSED

VISIBLE = "visible"
HIDDEN = "hidden"


@dataclass
class ExerciseResult:
    """The outcome of one graded test."""

    name: str  # "ch03_first_networks/imdb::test_vectorize_sequences"
    title: str  # the test docstring's first line
    points: float
    max_points: float
    status: str
    feedback: str  # one line
    details: str = ""  # e.g. a model diff, shown under the table
    visibility: str = VISIBLE
    duration: float = 0.0
    measurements: list[dict] = field(default_factory=list)

    @property
    def chapter(self) -> str:
        """Return the chapter folder name the test belongs to."""
        return self.name.split("/", 1)[0]


@dataclass
class GradingReport:
    """Every ExerciseResult of one grading run, with what was graded and how long it took."""

    implementation: str
    results: list[ExerciseResult]
    execution_time: float
    seed: int

    @property
    def score(self) -> float:
        """Return the points earned."""
        return sum(r.points for r in self.results)

    @property
    def max_score(self) -> float:
        """Return the points available."""
        return sum(r.max_points for r in self.results)


def render_table(report: GradingReport, width: int | None = None, show_hidden: bool = True) -> str:
    """Return the points table: exercise, points, status, one-line feedback, then the total."""
    width = width or max(100, min(shutil.get_terminal_size((140, 20)).columns, 160))
    rows = [r for r in report.results if show_hidden or r.visibility != HIDDEN]
    name_width = min(max((len(_short_name(r)) for r in rows), default=8), 66)
    header = f"{'exercise':<{name_width}}  {'points':>9}  {'status':<15}  feedback"
    lines = [header, "-" * min(width, len(header) + 60)]
    room = max(30, width - name_width - 32)
    indent = " " * (name_width + 30)
    for result in rows:
        points = f"{_number(result.points)}/{_number(result.max_points)}"
        feedback = textwrap.wrap("" if result.status == PASSED else result.feedback, room) or [""]
        lines.append(f"{_short_name(result)[:name_width]:<{name_width}}  {points:>9}  {result.status:<15}  {feedback[0]}")
        lines += [indent + more for more in feedback[1:]]
    lines.append("-" * min(width, len(header) + 60))
    total = f"{_number(sum(r.points for r in rows))}/{_number(sum(r.max_points for r in rows))}"
    lines.append(f"{'total':<{name_width}}  {total:>9}  graded {report.implementation} in {report.execution_time:.1f} s")
    for result in (r for r in rows if r.status != PASSED and r.details):
        lines += ["", f"{_short_name(result)}: {result.feedback}", result.details]
    return "\n".join(lines)


def to_kerakit_json(report: GradingReport) -> dict:
    """Return the kit's own JSON report (every field of every result)."""
    return {
        "implementation": report.implementation,
        "score": report.score,
        "max_score": report.max_score,
        "execution_time": round(report.execution_time, 3),
        "seed": report.seed,
        "tests": [asdict(r) for r in report.results],
    }


def to_gradescope(report: GradingReport) -> dict:
    """Return Gradescope's results.json: score, execution_time and one entry per test."""
    tests = []
    for result in report.results:
        output = result.feedback if result.status != PASSED else "passed"
        if result.details and result.visibility != HIDDEN:
            output = f"{output}\n{result.details}"
        tests.append(
            {
                "name": f"{_short_name(result)}: {result.title}" if result.title else _short_name(result),
                "score": result.points,
                "max_score": result.max_points,
                "status": "passed" if result.status == PASSED else "failed",
                "output": output,
                "visibility": result.visibility,
            }
        )
    return {"score": report.score, "execution_time": round(report.execution_time, 3), "tests": tests}


def write_json(path: Path, data: dict) -> None:
    """Write `data` as indented JSON, creating the parent folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


def read_kerakit_json(path: Path) -> GradingReport:
    """Return the GradingReport stored in a kerakit JSON report."""
    data = json.loads(Path(path).read_text())
    results = [ExerciseResult(**test) for test in data["tests"]]
    return GradingReport(data["implementation"], results, data["execution_time"], data["seed"])


def _short_name(result: ExerciseResult) -> str:
    chapter, rest = result.name.split("/", 1) if "/" in result.name else ("", result.name)
    module, _, test = rest.partition("::")
    short_chapter = chapter.split("_", 1)[0]
    return f"{short_chapter} {module}: {test.removeprefix('test_')}".strip()


def _number(value: float) -> str:
    return f"{value:g}"
