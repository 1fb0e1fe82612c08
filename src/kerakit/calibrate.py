"""Re-measure a chapter's metric floors on the reference solutions and verify them on held-out seeds."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kerakit.grading.reports import read_kerakit_json
from kerakit.grading.thresholds import Floor, calibrated_floor, load_thresholds, write_thresholds


@dataclass(frozen=True)
class Calibration:
    """The floors a calibration wrote, and the held-out measurements that missed them."""

    floors: list[Floor]

    @property
    def held_out_failures(self) -> dict[str, list[tuple[int, float]]]:
        """Return floor key -> (seed, value) of every held-out measurement below its floor."""
        return {floor.key: floor.held_out_failures for floor in self.floors if floor.held_out_failures}


def measure(root: Path, chapter: str, seeds: list[int], pytest_options: list[str], select: str | None = None):
    """Return (key -> values in seed order, key -> (description, direction, bound)) from grading solutions/ at each seed.

    The graders run in calibration mode: measurements are recorded, floors never checked.
    """
    import pytest

    measured: dict[str, list[float]] = defaultdict(list)
    described: dict[str, tuple[str, str, float | None]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for seed in seeds:
            report_path = Path(scratch) / f"seed{seed}.json"
            pytest.main([str(root / "graders" / chapter), "--kerakit-impl", "solutions", "--kerakit-calibrate",
                         "--kerakit-seed", str(seed), "--kerakit-json", str(report_path), "--kerakit-no-table",
                         "--tb=short", *pytest_options, *(["-k", select] if select else [])])
            for result in read_kerakit_json(report_path).results:
                for measurement in result.measurements:
                    measured[measurement["key"]].append(measurement["value"])
                    described[measurement["key"]] = (measurement["description"], measurement["direction"], measurement.get("bound"))
    for key, values in measured.items():
        if len(values) != len(seeds):
            raise RuntimeError(f"{key} was measured {len(values)} times over {len(seeds)} seeds: a grader failed; see above")
    return measured, described


def calibrate_chapter(root: Path, chapter: str, seeds: list[int], pytest_options: list[str], select: str | None = None,
                      held_out: list[int] = ()) -> Calibration:
    """Return the chapter's Calibration after writing its floors into graders/thresholds.toml.

    Floors follow the rule in thresholds.toml's header over the reference's values at
    `seeds`; the reference is then graded at the `held_out` seeds, whose values are
    written beside each floor and reported where they miss it. Floors not measured in
    this run are kept, so `select` (a pytest -k expression) re-measures just some of them.
    """
    measured, described = measure(root, chapter, seeds, pytest_options, select)
    verified = measure(root, chapter, list(held_out), pytest_options, select)[0] if held_out else {}
    path = root / "graders" / "thresholds.toml"
    floors = load_thresholds(path)
    new = []
    for key, values in measured.items():
        description, direction, bound = described[key]
        floors[key] = calibrated_floor(key, description, direction, values, seeds, bound,
                                       verified.get(key, ()), held_out if key in verified else ())
        new.append(floors[key])
    write_thresholds(path, floors)
    return Calibration(new)
