"""Metric floors calibrated on the reference solutions, read from and written to thresholds.toml."""

from __future__ import annotations

import math
import statistics
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from kerakit.grading.errors import GradingFailure

HIGHER = "higher"  # the measured value must be at least the floor (accuracy)
LOWER = "lower"  # the measured value must be at most the floor (loss, MAE)

HEADER = """\
# Metric floors for the graders, measured on the reference solutions.
# Regenerate with `kerakit calibrate CHAPTER` (it rewrites that chapter's tables).
#
# direction = "higher": a student's value must be >= floor (accuracy);
# direction = "lower":  a student's value must be <= floor (loss, MAE).
# Rule: floor = min - max(3 * stdev, 3% of |mean|) for "higher",
#       floor = max + max(3 * stdev, 10% of |mean|) for "lower",
# over the reference's values at the listed seeds, rounded outwards to 3 decimals.
# A floor with a `bound` measures a claim such as "rises less than the original"
# (ratio < 1): when the rule would put the floor past the bound, the floor is the
# midpoint between the reference's worst value and the bound, rounded towards the reference.
# held_out_values are the reference at seeds the floor was not set from: every one must
# meet the floor (`kerakit calibrate` fails otherwise).
"""


@dataclass(frozen=True)
class Floor:
    """One calibrated floor with the measurements behind it."""

    key: str  # "chapter.measurement"
    description: str
    direction: str
    floor: float
    values: tuple[float, ...]
    seeds: tuple[int, ...]
    backend: str
    date: str
    bound: float | None = None  # the claim's own limit, which the floor never reaches
    held_out_values: tuple[float, ...] = ()  # the reference at seeds the floor was not set from (verification)
    held_out_seeds: tuple[int, ...] = ()

    @property
    def held_out_failures(self) -> list[tuple[int, float]]:
        """Return (seed, value) of every held-out measurement that misses the floor."""
        return [(seed, value) for seed, value in zip(self.held_out_seeds, self.held_out_values) if not self.admits(value)]

    @property
    def mean(self) -> float:
        """Return the mean of the reference's values."""
        return statistics.fmean(self.values)

    def admits(self, measured: float) -> bool:
        """Return True when `measured` meets the floor (NaN never does)."""
        if math.isnan(measured):
            return False
        return measured >= self.floor if self.direction == HIGHER else measured <= self.floor

    def explain(self, measured: float) -> str:
        """Return the one-line verdict for a measured value that missed the floor."""
        side = "below the floor" if self.direction == HIGHER else "above the limit"
        return (
            f"{self.description}: got {measured:.4f}, {side} {self.floor:.3f} "
            f"(the reference gets {self.mean:.3f} on average, {min(self.values):.3f}-{max(self.values):.3f} over {len(self.values)} seeds)"
        )


def floor_from_values(values: Sequence[float], direction: str, bound: float | None = None) -> float:
    """Return the floor the calibration rule gives for the reference's values, kept short of `bound` if given."""
    mean = statistics.fmean(values)
    spread = statistics.stdev(values) if len(values) > 1 else 0.0
    # round(..., 6) first, so float noise (0.7 - 0.3 = 0.39999999999999997) does not cost a whole 0.001.
    if direction == HIGHER:
        floor = math.floor(round((min(values) - max(3 * spread, 0.03 * abs(mean))) * 1000, 6)) / 1000
        if bound is not None and floor <= bound:
            floor = math.ceil(round((min(values) + bound) / 2 * 1000, 6)) / 1000
        return floor
    floor = math.ceil(round((max(values) + max(3 * spread, 0.10 * abs(mean))) * 1000, 6)) / 1000
    if bound is not None and floor >= bound:
        floor = math.floor(round((max(values) + bound) / 2 * 1000, 6)) / 1000
    return floor


def load_thresholds(path: Path) -> dict[str, Floor]:
    """Return every Floor in a thresholds.toml file, keyed "chapter.measurement"."""
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    floors = {}
    for chapter, table in data.items():
        for name, entry in table.items():
            key = f"{chapter}.{name}"
            floors[key] = Floor(
                key=key,
                description=entry["description"],
                direction=entry["direction"],
                floor=float(entry["floor"]),
                values=tuple(float(v) for v in entry["values"]),
                seeds=tuple(int(s) for s in entry["seeds"]),
                backend=entry["backend"],
                date=str(entry["date"]),
                bound=float(entry["bound"]) if "bound" in entry else None,
                held_out_values=tuple(float(v) for v in entry.get("held_out_values", ())),
                held_out_seeds=tuple(int(s) for s in entry.get("held_out_seeds", ())),
            )
    return floors


def write_thresholds(path: Path, floors: dict[str, Floor]) -> None:
    """Write every Floor to a thresholds.toml file (tomli-w), by chapter and key, with the rule in a header."""
    import tomli_w

    tables: dict[str, dict] = {}
    for key in sorted(floors):
        floor = floors[key]
        chapter, name = key.split(".", 1)
        entry = {"description": floor.description, "direction": floor.direction, "floor": round(floor.floor, 3)}
        if floor.bound is not None:
            entry["bound"] = floor.bound
        entry |= {"mean": round(floor.mean, 4), "min": round(min(floor.values), 4), "max": round(max(floor.values), 4),
                  "values": [round(v, 4) for v in floor.values], "seeds": list(floor.seeds)}
        if floor.held_out_seeds:
            entry |= {"held_out_values": [round(v, 4) for v in floor.held_out_values], "held_out_seeds": list(floor.held_out_seeds)}
        entry |= {"backend": floor.backend, "date": floor.date}
        tables.setdefault(chapter, {})[name] = entry
    path.write_text(HEADER + "\n" + tomli_w.dumps(tables))


def calibrated_floor(key: str, description: str, direction: str, values: Sequence[float], seeds: Sequence[int],
                     bound: float | None = None, held_out_values: Sequence[float] = (), held_out_seeds: Sequence[int] = ()) -> Floor:
    """Return a new Floor for `key` from the reference's values at `seeds`, dated today."""
    return Floor(
        key=key,
        description=description,
        direction=direction,
        floor=floor_from_values(values, direction, bound),
        values=tuple(float(v) for v in values),
        seeds=tuple(seeds),
        backend=backend_description(),
        date=date.today().isoformat(),
        bound=bound,
        held_out_values=tuple(float(v) for v in held_out_values),
        held_out_seeds=tuple(held_out_seeds),
    )


def backend_description() -> str:
    """Return "tensorflow X, keras Y, cpu|gpu" for the running process."""
    import keras
    import tensorflow as tf

    device = "gpu" if tf.config.list_physical_devices("GPU") else "cpu"
    return f"{keras.backend.backend()} {tf.__version__}, keras {keras.__version__}, {device}"


@dataclass(frozen=True)
class Measurement:
    """One value a grader measured on the code under test, for a floor."""

    key: str
    description: str
    direction: str
    value: float
    bound: float | None = None


class FloorBook:
    """The floors one test checks against, keeping every measurement it is shown.

    In calibration mode `check` only records, so `kerakit calibrate` measures the
    reference with the graders' own code.
    """

    def __init__(self, floors: dict[str, Floor], calibrating: bool = False, chapter: str = ""):
        self.floors = floors
        self.calibrating = calibrating
        self.chapter = chapter
        self.measurements: list[Measurement] = []

    def _key(self, name: str) -> str:
        return name if "." in name or not self.chapter else f"{self.chapter}.{name}"

    def record(self, name: str, measured: float, description: str, direction: str = HIGHER) -> None:
        """Record a measurement that no floor checks (shown in the report and by `kerakit calibrate`).

        Example:
            floors.record("scratch_val_accuracy", scratch, "the grader's own scratch convnet (recorded only)")
        """
        self.measurements.append(Measurement(self._key(name), description, direction, float(measured)))

    def check(self, name: str, measured: float, description: str, direction: str = HIGHER, bound: float | None = None) -> None:
        """Record `measured` under the chapter's floor `name` and raise GradingFailure if it misses the floor.

        Args:
            name: the measurement's name in the chapter's table of thresholds.toml, e.g.
                "imdb_val_accuracy" (the chapter comes from the grader's folder).
            measured: the value the grader measured on the student's model.
            description: what was measured, e.g. "IMDB validation accuracy after 4 epochs".
            direction: HIGHER when larger is better (accuracy), LOWER otherwise (MAE).
            bound: for a claim such as "less than the original's" (a ratio below 1), the
                limit the floor must stay short of; see thresholds.toml's header.
        """
        measured = float(measured)
        key = self._key(name)
        self.measurements.append(Measurement(key, description, direction, measured, bound))
        if self.calibrating:
            return
        floor = self.floors.get(key)
        if floor is None:
            raise GradingFailure(f"no floor for {key} in graders/thresholds.toml: run `kerakit calibrate` first")
        if not floor.admits(measured):
            raise GradingFailure(floor.explain(measured))



