"""Re-measure a chapter's metric floors by grading the reference solutions at several seeds."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from kerakit.grading.reports import read_kerakit_json
from kerakit.grading.thresholds import Floor, calibrated_floor, load_thresholds, write_thresholds


def calibrate_chapter(root: Path, chapter: str, seeds: list[int], pytest_options: list[str], select: str | None = None) -> list[Floor]:
    """Return the chapter's new floors after writing them into graders/thresholds.toml.

    Every grader that calls `floors.check(...)` is run on solutions/ once per seed in
    calibration mode (measurements recorded, never checked); the floor follows the rule
    in thresholds.toml's header. Floors not measured in this run are kept, so
    `select` (a pytest -k expression) re-measures just some of them.
    """
    import pytest

    measured: dict[str, list[float]] = defaultdict(list)
    described: dict[str, tuple[str, str, float | None]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for seed in seeds:
            report_path = Path(scratch) / f"seed{seed}.json"
            pytest.main([str(root / "graders" / chapter), "--impl", "solutions", "--kerakit-calibrate",
                         "--kerakit-seed", str(seed), "--kerakit-json", str(report_path), "--kerakit-no-table",
                         "--tb=short", *pytest_options, *(["-k", select] if select else [])])
            report = read_kerakit_json(report_path)
            for result in report.results:
                for measurement in result.measurements:
                    measured[measurement["key"]].append(measurement["value"])
                    described[measurement["key"]] = (measurement["description"], measurement["direction"], measurement.get("bound"))
    path = root / "graders" / "thresholds.toml"
    floors = load_thresholds(path)
    new = []
    for key, values in measured.items():
        if len(values) != len(seeds):
            raise RuntimeError(f"{key} was measured {len(values)} times over {len(seeds)} seeds: a grader failed; see above")
        description, direction, bound = described[key]
        floors[key] = calibrated_floor(key, description, direction, values, seeds, bound)
        new.append(floors[key])
    write_thresholds(path, floors)
    return new
