"""Exercise sheets cannot drift from their graders: generated tables, header totals and budgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kerakit.assign import stale_sheets
from kerakit.sheets import BEGIN, END, budgets, graded_tests, grading_table, module_points, with_grading_table

KIT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.name for p in (KIT / "graders").iterdir() if p.is_dir() and p.name.startswith("ch"))
HEADER = re.compile(r"^### `(?P<module>\w+)\.py`.* — (?P<points>\d+) points$", re.MULTILINE)
BUDGET_PHRASE = re.compile(r"(\d+) epochs? × batch (\d+)")


def sheet_of(chapter: str) -> str:
    return (KIT / "solutions" / chapter / "README.md").read_text(encoding="utf-8")


def hand_written(sheet: str) -> str:
    return sheet.split(BEGIN)[0] + sheet.split(END)[-1]


def test_every_sheet_carries_its_current_grading_table():
    assert not stale_sheets(KIT / "solutions"), "run `kerakit assign` to regenerate the sheets' grading tables"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_module_headers_state_the_points_their_graders_give(chapter):
    headers = {m["module"]: float(m["points"]) for m in HEADER.finditer(sheet_of(chapter))}
    assert headers == module_points(KIT / "graders" / chapter)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_budgets_named_in_the_sheet_are_the_graders_budgets(chapter):
    given = {(b.epochs, b.batch_size) for b in budgets(KIT / "graders" / chapter)}
    named = {(int(e), int(b)) for e, b in BUDGET_PHRASE.findall(hand_written(sheet_of(chapter)))}
    assert named <= given, f"the sheet names budgets its graders do not use: {sorted(named - given)}"


def test_the_table_counts_parametrised_cases_and_hidden_tests(tmp_path):
    graders = tmp_path / "ch99_demo"
    graders.mkdir()
    (graders / "test_demo.py").write_text(
        "import pytest\nfrom kerakit.grading import Budget\nBUDGET = Budget(epochs=3, batch_size=8)\nKINDS = {'a': 1, 'b': 2}\n\n"
        "@pytest.mark.points(2)\n@pytest.mark.parametrize('kind', list(KINDS))\ndef test_one(kind):\n    '''One, per kind.'''\n\n"
        "@pytest.mark.points(1)\n@pytest.mark.visibility('hidden')\ndef test_two():\n    pass\n\ndef test_ungraded():\n    pass\n"
    )
    tests = graded_tests(graders)
    assert [(t.name, t.points, t.cases, t.visibility) for t in tests] == [("one", 2.0, 2, "visible"), ("two", 1.0, 1, "hidden")]
    table = grading_table(graders)
    assert "| `demo.py` | One, per kind. | 2 × 2 |" in table and "two (hidden) | 1 |" in table and "**5**" in table
    assert "3 epochs × batch 8 (`BUDGET`)" in table
    sheet = with_grading_table("# Sheet\n", graders)
    assert with_grading_table(sheet.replace("| 2 × 2 |", "| 9 |"), graders) == sheet
