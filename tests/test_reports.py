"""One GradingReport, many formats: the terminal table, kerakit JSON and Gradescope results.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from kerakit.grading.reports import (
    HIDDEN,
    ExerciseResult,
    GradingReport,
    read_kerakit_json,
    render_table,
    to_gradescope,
    to_kerakit_json,
    write_json,
)

SCHEMAS = Path(__file__).resolve().parents[1] / "src" / "kerakit" / "grading" / "schemas"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


@pytest.fixture
def report() -> GradingReport:
    results = [
        ExerciseResult("ch03_first_networks/imdb::test_vectorize_sequences", "vectorize_sequences multi-hot encodes",
                       2, 2, "passed", "", duration=0.12),
        ExerciseResult("ch03_first_networks/imdb::test_build_model", "build_model has the book's layers",
                       0, 3, "failed", "the model differs at layer 2: Dense expected units=16, got units=32",
                       details="   #  expected  got\n   2  Dense units=16  Dense units=32  <-- first difference",
                       duration=0.5),
        ExerciseResult("ch03_first_networks/reuters::test_to_one_hot", "",
                       0, 1.5, "not implemented", "not implemented yet: to_one_hot() in reuters.py"),
        ExerciseResult("ch03_first_networks/imdb::test_validation_accuracy", "validation accuracy above the floor",
                       0, 4, "failed", "IMDB validation accuracy: got 0.5000, below the floor 0.850",
                       details="secret instructor detail", visibility=HIDDEN,
                       measurements=[{"key": "ch03_first_networks.imdb_val_accuracy", "description": "IMDB val acc",
                                      "direction": "higher", "value": 0.5}]),
    ]
    return GradingReport("chapters", results, execution_time=12.3456, seed=1234)


def test_scores(report):
    assert report.score == 2
    assert report.max_score == 10.5


def test_table_lists_each_exercise_with_points_status_and_total(report):
    table = render_table(report, width=140)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["exercise", "points", "status"]
    row = {name: next(line for line in lines if name in line)
           for name in ("vectorize_sequences", "build_model", "to_one_hot", "validation_accuracy")}
    assert "2/2" in row["vectorize_sequences"] and "passed" in row["vectorize_sequences"]
    assert "0/3" in row["build_model"] and "failed" in row["build_model"] and "layer 2" in row["build_model"]
    assert "0/1.5" in row["to_one_hot"] and "not implemented" in row["to_one_hot"]
    assert "not implemented yet: to_one_hot() in reuters.py" in row["to_one_hot"]
    assert "ch03 imdb: vectorize_sequences" in row["vectorize_sequences"]
    total = next(line for line in lines if line.startswith("total"))
    assert "2/10.5" in total and "graded chapters in 12.3 s" in total
    assert "<-- first difference" in table  # details of a visible failure come under the table
    assert "secret instructor detail" not in render_table(report, width=140, show_hidden=False)


def test_table_without_hidden_rows(report):
    table = render_table(report, width=140, show_hidden=False)
    assert "validation_accuracy" not in table
    assert "2/6.5" in next(line for line in table.splitlines() if line.startswith("total"))


def test_table_of_an_empty_report():
    table = render_table(GradingReport("chapters", [], 0.0, 1234), width=100)
    assert "0/0" in table.splitlines()[-1]


def test_table_of_only_hidden_rows_shown_to_a_student(report):
    report.results = [r for r in report.results if r.visibility == HIDDEN]
    assert "0/0" in render_table(report, width=100, show_hidden=False)


def test_kerakit_json_is_valid(report):
    data = to_kerakit_json(report)
    jsonschema.validate(data, schema("kerakit-report.schema.json"))
    assert data["score"] == 2 and data["max_score"] == 10.5 and data["seed"] == 1234
    assert data["execution_time"] == 12.346
    assert [t["status"] for t in data["tests"]] == ["passed", "failed", "not implemented", "failed"]


def test_gradescope_is_valid_and_hides_hidden_details(report):
    data = to_gradescope(report)
    jsonschema.validate(data, schema("gradescope-results.schema.json"))
    assert data["score"] == 2
    tests = {t["name"].split(":")[1].strip(): t for t in data["tests"]}
    assert [t["status"] for t in data["tests"]] == ["passed", "failed", "failed", "failed"]
    build = tests["build_model"]
    assert build["max_score"] == 3 and build["score"] == 0
    assert build["output"].startswith("the model differs at layer 2") and "<-- first difference" in build["output"]
    assert build["name"] == "ch03 imdb: build_model: build_model has the book's layers"
    hidden = tests["validation_accuracy"]
    assert hidden["visibility"] == "hidden"
    assert "secret instructor detail" not in hidden["output"]
    assert "\n" not in hidden["output"]
    assert all(t["visibility"] == "visible" for name, t in tests.items() if name != "validation_accuracy")
    assert tests["vectorize_sequences"]["output"] == "passed"


def test_kerakit_json_round_trips(report, tmp_path):
    path = tmp_path / "reports" / "report.json"
    write_json(path, to_kerakit_json(report))
    again = read_kerakit_json(path)
    assert again.results == report.results
    assert again.implementation == "chapters" and again.seed == 1234
    assert again.execution_time == pytest.approx(12.346)
    assert to_kerakit_json(again) == to_kerakit_json(report)


def test_schemas_reject_what_they_should(report):
    data = to_gradescope(report)
    data["tests"][0]["status"] = "not implemented"  # Gradescope knows only passed/failed
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema("gradescope-results.schema.json"))
    bad = to_kerakit_json(report)
    bad["tests"][0]["name"] = "no chapter"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema("kerakit-report.schema.json"))
