"""What a student may see: feedback.md and results.json with hidden tests reduced to a score."""

from __future__ import annotations

from dataclasses import replace

from kerakit.grading.feedback import PASSED
from kerakit.grading.reports import HIDDEN, GradingReport, render_table, to_gradescope

HIDDEN_OUTPUT = ""  # nothing about what a hidden test checks or expected


def student_view(report: GradingReport) -> GradingReport:
    """Return a copy of `report` in which each hidden test shows only a generic name, its status and score."""
    results, number = [], 0
    for result in report.results:
        if result.visibility == HIDDEN:
            number += 1
            result = replace(result, name=f"{result.chapter}/hidden::test_{number}", title="",
                             feedback="" if result.status == PASSED else "hidden test", details="",
                             measurements=[])
        results.append(result)
    return replace(report, results=results)


def gradescope_results(report: GradingReport, reasons: list[str]) -> dict:
    """Return Gradescope's results.json for the student: hidden tests by number and score only."""
    data = to_gradescope(student_view(report))
    for test in data["tests"]:
        if test["visibility"] == HIDDEN:
            test["output"] = HIDDEN_OUTPUT
    if reasons:
        data["output"] = "\n".join(reasons)
    return data


def feedback_markdown(student: str, report: GradingReport, reasons: list[str]) -> str:
    """Return feedback.md: the total, any submission-level problem, the visible table, hidden tests as a sum."""
    hidden = [r for r in report.results if r.visibility == HIDDEN]
    lines = [f"# Feedback for {student}", "",
             f"**Total: {report.score:g} / {report.max_score:g} points**", ""]
    if reasons:
        lines += ["## Problems with the submission", ""] + [f"- {reason}" for reason in reasons] + [""]
    lines += ["## Exercises", "", "```", render_table(student_view(report), width=110, show_hidden=False), "```", ""]
    if hidden:
        earned = sum(r.points for r in hidden)
        available = sum(r.max_points for r in hidden)
        lines += ["## Hidden tests", "",
                  f"{len(hidden)} hidden test{'s' if len(hidden) != 1 else ''} gave {earned:g} / {available:g} points "
                  "(what they check is not shown).", ""]
    return "\n".join(lines)
