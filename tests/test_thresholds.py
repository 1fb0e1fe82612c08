"""Metric floors: the calibration rule, thresholds.toml round trip, and FloorBook checks."""

from __future__ import annotations

import math
import statistics

import pytest

from kerakit.grading.errors import GradingFailure
from kerakit.grading.thresholds import HIGHER, LOWER, Floor, FloorBook, floor_from_values, load_thresholds, write_thresholds

ACCURACY = Floor(
    key="ch03_first_networks.imdb_val_accuracy",
    description='IMDB validation accuracy after 4 epochs ("the book" setup)',
    direction=HIGHER,
    floor=0.85,
    values=(0.8812, 0.8876, 0.8841, 0.8859, 0.8830),
    seeds=(1234, 1235, 1236, 1237, 1238),
    backend="tensorflow 2.21.0, keras 3.15.1, cpu",
    date="2025-01-31",
)
MAE = Floor(
    key="ch03_first_networks.boston_val_mae",
    description="Boston validation MAE",
    direction=LOWER,
    floor=2.9,
    values=(2.41, 2.55, 2.48),
    seeds=(1, 2, 3),
    backend="tensorflow 2.21.0, keras 3.15.1, cpu",
    date="2025-01-31",
)


# --- the calibration rule -------------------------------------------------------------------------


def test_higher_floor_uses_three_percent_of_the_mean_when_spread_is_small():
    values = [0.88, 0.89, 0.885]
    mean = statistics.fmean(values)
    assert 3 * statistics.stdev(values) < 0.03 * mean
    assert floor_from_values(values, HIGHER) == math.floor((0.88 - 0.03 * mean) * 1000) / 1000 == 0.853


def test_higher_floor_uses_three_stdev_when_spread_is_large():
    values = [0.70, 0.90, 0.80]
    assert 3 * statistics.stdev(values) == pytest.approx(0.3)
    assert floor_from_values(values, HIGHER) == 0.4  # not 0.399: float noise in 0.7 - 0.3 is not rounded outwards


def test_lower_floor_uses_ten_percent_of_the_mean_when_spread_is_small():
    values = [2.50, 2.52, 2.48]
    assert floor_from_values(values, LOWER) == math.ceil((2.52 + 0.10 * 2.50) * 1000) / 1000 == 2.77


def test_lower_floor_uses_three_stdev_when_spread_is_large():
    values = [2.0, 3.0, 4.0]
    assert floor_from_values(values, LOWER) == 7.0


def test_floor_rounds_outwards_and_one_value_has_no_spread():
    assert floor_from_values([0.5], HIGHER) == 0.485
    assert floor_from_values([0.8888], HIGHER) == 0.862  # 0.862136 rounded down
    assert floor_from_values([1.0001], LOWER) == 1.101  # 1.10011 rounded up


# --- thresholds.toml --------------------------------------------------------------------------------


def test_write_then_load_round_trips(tmp_path):
    path = tmp_path / "thresholds.toml"
    write_thresholds(path, {ACCURACY.key: ACCURACY, MAE.key: MAE})
    text = path.read_text()
    assert text.startswith("# Metric floors")
    assert "kerakit calibrate" in text
    assert "mean = 0.8844" in text  # the measurements behind the floor are written out
    assert load_thresholds(path) == {ACCURACY.key: ACCURACY, MAE.key: MAE}


def test_missing_file_has_no_floors(tmp_path):
    assert load_thresholds(tmp_path / "nothing.toml") == {}


# --- Floor ---------------------------------------------------------------------------------------------


def test_admits_for_both_directions():
    assert ACCURACY.admits(0.85) and ACCURACY.admits(0.9)
    assert not ACCURACY.admits(0.849)
    assert MAE.admits(2.9) and MAE.admits(1.0)
    assert not MAE.admits(2.91)


@pytest.mark.parametrize("floor", [ACCURACY, MAE], ids=["higher", "lower"])
def test_nan_is_never_admitted(floor):
    assert not floor.admits(float("nan"))


def test_explanation_names_the_floor_and_the_reference_mean():
    text = ACCURACY.explain(0.61)
    assert text.startswith('IMDB validation accuracy after 4 epochs ("the book" setup): got 0.6100')
    assert "below the floor 0.850" in text
    assert "the reference gets 0.884 on average" in text
    assert "0.881-0.888 over 5 seeds" in text
    assert "above the limit 2.900" in MAE.explain(3.5)


# --- FloorBook -----------------------------------------------------------------------------------------


def test_book_passes_and_records():
    book = FloorBook({ACCURACY.key: ACCURACY})
    book.check(ACCURACY.key, 0.87, "IMDB validation accuracy", HIGHER)
    assert [(m.key, m.value, m.direction) for m in book.measurements] == [(ACCURACY.key, 0.87, HIGHER)]


def test_book_fails_with_the_explanation():
    book = FloorBook({MAE.key: MAE})
    with pytest.raises(GradingFailure) as caught:
        book.check(MAE.key, 4.0, "Boston validation MAE", LOWER)
    assert str(caught.value) == MAE.explain(4.0)
    assert book.measurements[0].value == 4.0


def test_book_fails_on_nan():
    with pytest.raises(GradingFailure, match="got nan"):
        FloorBook({ACCURACY.key: ACCURACY}).check(ACCURACY.key, float("nan"), "accuracy")


def test_calibration_mode_records_and_never_fails():
    book = FloorBook({ACCURACY.key: ACCURACY}, calibrating=True)
    book.check(ACCURACY.key, 0.1, "accuracy")
    book.check("ch99_new.not_calibrated_yet", float("nan"), "new measurement", LOWER)
    assert [m.key for m in book.measurements] == [ACCURACY.key, "ch99_new.not_calibrated_yet"]


def test_missing_key_names_kerakit_calibrate():
    with pytest.raises(GradingFailure, match=r"no floor for ch03_first_networks\.new_metric .*`kerakit calibrate`"):
        FloorBook({}).check("ch03_first_networks.new_metric", 0.9, "new metric")


def test_a_bound_keeps_a_claim_floor_short_of_the_claim():
    # "rises less than the original" (ratio < 1): the usual rule would allow 1.13, past the claim itself
    values = [0.8735, 0.7529, 0.7215, 0.9000, 0.7341]
    assert floor_from_values(values, LOWER) > 1.0
    assert floor_from_values(values, LOWER, bound=1.0) == 0.95  # halfway between the worst value 0.90 and 1
    # "rises more than the original": the rule goes below 1 (even negative), the bound stops it
    values = [3.2206, 3.8996, 5.0708, 5.3642, 9.3870]
    assert floor_from_values(values, HIGHER, bound=1.0) == math.ceil((3.2206 + 1.0) / 2 * 1000) / 1000
    # when the rule already keeps the floor inside the claim, the bound changes nothing
    values = [0.2456, 0.0, 0.0, 0.0465, 0.0]
    assert floor_from_values(values, LOWER, bound=1.0) == floor_from_values(values, LOWER) < 1.0


def test_a_bound_is_written_and_read_back(tmp_path):
    path = tmp_path / "thresholds.toml"
    floor = Floor("ch09_demo.ratio", "a ratio", LOWER, 0.95, (0.9, 0.8), (1, 2), "tensorflow x", "2026-11-30", bound=1.0)
    write_thresholds(path, {floor.key: floor})
    assert "bound = 1" in path.read_text()
    assert load_thresholds(path)[floor.key] == floor
