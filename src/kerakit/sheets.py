"""Generate the points-and-budgets table of a chapter's exercise sheet from its graders.

The table sits in the sheet (`solutions/<chapter>/README.md`, copied to chapters/ by
`kerakit assign`) between two marker lines. `kerakit assign` rewrites it and
`kerakit assign --check` reports a stale one, so a sheet cannot promise points or a
training budget its graders do not give. The graders are read with `ast`, never
imported, so this needs neither TensorFlow nor the student's code.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

BEGIN = "<!-- BEGIN GRADING TABLE (generated from graders/ by `kerakit assign`: do not edit) -->"
END = "<!-- END GRADING TABLE -->"
_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)


@dataclass(frozen=True)
class GradedTest:
    """One graded test as the sheet lists it."""

    module: str
    name: str
    points: float
    cases: int  # parametrised cases, each worth `points`
    visibility: str
    title: str


@dataclass(frozen=True)
class BudgetConstant:
    """A training budget a grader module defines: `NAME = Budget(epochs=..., batch_size=..., train_samples=...)`."""

    module: str
    name: str
    epochs: int
    batch_size: int
    train_samples: int | None

    def describe(self) -> str:
        """Return the budget as the sheet writes it, e.g. "4 epochs × batch 64"."""
        samples = f" on {self.train_samples:,} samples" if self.train_samples else ""
        return f"{self.epochs} epoch{'' if self.epochs == 1 else 's'} × batch {self.batch_size}{samples}"


def graded_tests(graders: Path) -> list[GradedTest]:
    """Return every test with a `points` marker in the grader modules of one chapter folder, in file order."""
    tests = []
    for path in sorted(graders.glob("test_*.py")):
        module = path.stem.removeprefix("test_")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        sizes = {node.targets[0].id: len(node.value.keys if isinstance(node.value, ast.Dict) else node.value.elts)
                 for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                 and isinstance(node.value, (ast.Dict, ast.List, ast.Tuple))}
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            points, cases, visibility = None, 1, "visible"
            for decorator in node.decorator_list:
                marker = _marker_name(decorator)
                if marker == "points":
                    points = float(ast.literal_eval(decorator.args[0])) if decorator.args else 1.0
                elif marker == "parametrize":
                    cases *= _case_count(decorator, sizes)
                elif marker == "visibility" and decorator.args:
                    visibility = ast.literal_eval(decorator.args[0])
            if points is not None:
                docstring = (ast.get_docstring(node) or "").strip().splitlines()
                tests.append(GradedTest(module, node.name.removeprefix("test_"), points, cases, visibility,
                                        docstring[0] if docstring else ""))
    return tests


def budgets(graders: Path) -> list[BudgetConstant]:
    """Return the module-level `Budget(...)` constants of one chapter's graders (and its conftest)."""
    found = []
    for path in sorted(graders.glob("*.py")):
        module = path.stem.removeprefix("test_")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", None) == "Budget" and isinstance(node.targets[0], ast.Name)):
                continue
            values = [ast.literal_eval(arg) for arg in node.value.args]
            keywords = {k.arg: ast.literal_eval(k.value) for k in node.value.keywords}
            epochs, batch_size, samples = (values + [None, None, None])[:3]
            found.append(BudgetConstant(module, node.targets[0].id, keywords.get("epochs", epochs),
                                        keywords.get("batch_size", batch_size), keywords.get("train_samples", samples)))
    return found


def grading_table(graders: Path) -> str:
    """Return the generated block (markers included): each module's tests with points, then the training budgets."""
    tests = graded_tests(graders)
    lines = [BEGIN, "", "| module | exercise | points |", "|---|---|---|"]
    for test in tests:
        points = _number(test.points) + (f" × {test.cases}" if test.cases > 1 else "")
        hidden = " (hidden)" if test.visibility == "hidden" else ""
        lines.append(f"| `{test.module}.py` | {test.title or test.name}{hidden} | {points} |")
    total = sum(t.points * t.cases for t in tests)
    lines += [f"| | **total** | **{_number(total)}** |", ""]
    constants = budgets(graders)
    if constants:
        lines += ["Training budgets (the grader trains your model from its own fresh weights):", ""]
        lines += [f"- `{b.module}`: {b.describe()} (`{b.name}`)" for b in constants]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def module_points(graders: Path) -> dict[str, float]:
    """Return module name -> the points its graders give in all."""
    totals: dict[str, float] = {}
    for test in graded_tests(graders):
        totals[test.module] = totals.get(test.module, 0.0) + test.points * test.cases
    return totals


def with_grading_table(sheet: str, graders: Path) -> str:
    """Return the sheet's text with its generated block brought up to date (appended if it has none)."""
    table = grading_table(graders)
    if BEGIN in sheet:
        return _BLOCK.sub(lambda _: table, sheet)
    return sheet.rstrip("\n") + "\n\n## Points and budgets\n\n" + table + "\n"


def _marker_name(decorator: ast.expr) -> str | None:
    """Return "points" for `@pytest.mark.points(3)` and the like, else None."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Attribute) and target.value.attr == "mark":
        return target.attr
    return None


def _case_count(decorator: ast.Call, sizes: dict[str, int]) -> int:
    """Return how many cases a parametrize marker makes: a literal list, a module constant, or list(CONSTANT)."""
    values = decorator.args[1] if len(decorator.args) > 1 else None
    if isinstance(values, ast.Call) and getattr(values.func, "id", None) == "list" and values.args:
        values = values.args[0]
    if isinstance(values, (ast.List, ast.Tuple)):
        return len(values.elts)
    if isinstance(values, ast.Name) and values.id in sizes:
        return sizes[values.id]
    raise ValueError(f"cannot count the cases of a parametrize marker at line {decorator.lineno}: "
                     "give the values as a literal list or a module constant")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
