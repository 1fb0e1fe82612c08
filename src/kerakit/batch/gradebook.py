"""The class-level outputs: grades.csv, summary.md and the score histogram."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

from kerakit.batch.runner import short_name
from kerakit.grading.feedback import PASSED


def exercise_column(name: str) -> str:
    """Return the grades.csv column of a test: "ch03 imdb: vectorize_sequences"."""
    return short_name(name)


def write_grades_csv(path: Path, reports: list[dict], tests: list[str]) -> None:
    """Write one row per student: a column per exercise (hidden ones too), total, maximum and reasons."""
    with open(path, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["student", *[exercise_column(t) for t in tests], "total", "max", "problems"])
        for report in reports:
            points = {test["name"]: test["points"] for test in report["tests"]}
            writer.writerow([report["student"], *[_number(points.get(t, 0.0)) for t in tests],
                             _number(report["score"]), _number(report["max_score"]), " | ".join(report["reasons"])])


def write_summary(path: Path, reports: list[dict], tests: list[str], histogram: str | None) -> None:
    """Write summary.md: class size, score statistics, per-exercise pass rates and submission problems."""
    totals = [r["score"] for r in reports]
    maximum = max((r["max_score"] for r in reports), default=0)
    lines = ["# Class summary", "", f"- submissions graded: {len(reports)}"]
    if totals:
        lines += [f"- total points available: {maximum:g}",
                  f"- mean {statistics.mean(totals):.1f}, median {statistics.median(totals):g}, "
                  f"min {min(totals):g}, max {max(totals):g}"]
    if histogram:
        lines += ["", f"![score histogram]({histogram})"]
    lines += ["", "## Pass rate per exercise", "", "| exercise | visibility | points | passed | pass rate |",
              "|---|---|---:|---:|---:|"]
    for test in tests:
        entries = [t for r in reports for t in r["tests"] if t["name"] == test]
        passed = sum(t["status"] == PASSED for t in entries)
        rate = f"{100 * passed / len(entries):.0f} %" if entries else "-"
        visibility = entries[0]["visibility"] if entries else ""
        points = f"{entries[0]['max_points']:g}" if entries else ""
        lines.append(f"| {exercise_column(test)} | {visibility} | {points} | {passed}/{len(entries)} | {rate} |")
    problems = [(r["student"], reason) for r in reports for reason in r["reasons"]]
    if problems:
        lines += ["", "## Submissions with problems", ""] + [f"- **{s}**: {reason}" for s, reason in problems]
    path.write_text("\n".join(lines) + "\n")


def write_histogram(path: Path, reports: list[dict]) -> None:
    """Write a PNG histogram of the students' total scores (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    totals = [r["score"] for r in reports]
    maximum = max((r["max_score"] for r in reports), default=1) or 1
    figure, axes = pyplot.subplots(figsize=(7, 4))
    axes.hist(totals, bins=min(20, max(5, int(maximum))), range=(0, maximum), color="#3b6ea8", edgecolor="white")
    axes.set_xlabel(f"total points (of {maximum:g})")
    axes.set_ylabel("students")
    axes.set_title(f"Scores of {len(totals)} submissions")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)


def _number(value: float) -> str:
    return f"{value:g}"
