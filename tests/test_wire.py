"""The sealed boundary's wire format: plain data round-trips exactly, anything else is refused in one line."""

from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from kerakit.grading import wire
from kerakit.grading.boundary import GeneratorRecord, LineRecord, RegularizerRecord
from kerakit.grading.model_summary import LayerSummary, ModelSummary


def same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and (np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
                                                              if a.dtype.kind != "O" else all(map(same, a.ravel(), b.ravel())))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and np.isnan(a):
        return np.isnan(b)
    return a == b


@pytest.mark.parametrize("value", [
    None, True, 0, -7, 2**80, 1.5, float("nan"), float("inf"), -float("inf"), 1 + 2j, "text é", b"\x00\xffbytes",
    [1, [2, (3,)]], (1, "a"), {1: "a", "b": (2.5, None), (1, 2): [3]}, {3, 4}, frozenset({"x"}),
    np.arange(12, dtype=np.int16).reshape(3, 4), np.array([[1.5, np.nan]], dtype=np.float32), np.zeros((0, 3)),
    np.array(["ab", "c"]), np.array([True, False]), np.array([1, [2, 3]], dtype=object), np.float64(2.5), np.int64(-3),
    np.bool_(True), {"nested": {"deep": [np.ones(3), {"k": np.uint8(255)}]}},
])
def test_plain_data_round_trips_exactly(value):
    assert same(wire.decode(wire.encode(value)), value)


def test_records_round_trip_and_arrays_come_back_writable():
    layer = LayerSummary("Dense", (None, 4), 20, {"units": 4, "activation": "relu"}, name="dense", module="keras.layers")
    summary = ModelSummary((layer,), (None, 4), (None, 4), 20, 20)
    value = [summary, RegularizerRecord("L2", "keras.regularizers", 0.0, 0.01), GeneratorRecord((1, 2), True),
             LineRecord("loss", np.arange(3.0), np.ones(3), "-", "o", (0.0, 0.0, 1.0, 1.0))]
    back = wire.decode(wire.encode(value))
    assert back[0] == summary and back[1] == value[1] and back[2] == value[2]
    assert np.array_equal(back[3].x, value[3].x)
    back[3].x[0] = 9.0  # the grader's own copy
    assert back[3].x[0] == 9.0


def test_a_random_generator_crosses_as_its_state():
    generator = np.random.default_rng(5)
    generator.random(3)
    copy = wire.decode(wire.encode(generator))
    assert copy is not generator and np.array_equal(copy.random(4), generator.random(4))


class Look(float):
    pass


@pytest.mark.parametrize("value, words", [
    (Look(1.0), "a Look"), (np.arange(3).view(np.ndarray).view(type("Sub", (np.ndarray,), {})), "a Sub"),
    (object(), "object"), (lambda: 1, "a function"), (np.zeros(2, dtype=[("a", "i4")]), "structured"),
])
def test_anything_else_is_refused_with_one_line(value, words):
    with pytest.raises(wire.WireError, match=words):
        wire.encode(value)


def message(document, *buffers) -> bytes:
    parts = [json.dumps(document).encode(), *buffers]
    return struct.pack("<I", len(parts)) + b"".join(struct.pack("<Q", len(p)) + p for p in parts)


@pytest.mark.parametrize("raw, words", [
    (b"", "not a message"),
    (message({"a": 1}), "untagged"),
    (message({"~": "r", "type": "Popen", "v": {}}), "no record type"),
    (message({"~": "r", "type": "RegularizerRecord", "v": {"class_name": "x"}}), "wrong fields"),
    (message({"~": "n", "i": 1, "dtype": "<f8", "shape": [3]}, b"\x00" * 8), "does not fit"),
    (message({"~": "n", "i": 1, "dtype": "|O", "shape": [1]}, b"\x00" * 8), "not carried"),
    (message({"~": "n", "i": 2, "dtype": "<f8", "shape": [1]}, b"\x00" * 8), "out of range"),
    (message({"~": "f", "v": "__import__('os')"}), "not a float"),
    (message({"~": "zz"}), "unknown tag"),
    (struct.pack("<I", 1) + struct.pack("<Q", 1000) + b"{}", "runs past"),
])
def test_malformed_or_foreign_messages_are_refused(raw, words):
    with pytest.raises(wire.WireError, match=words):
        wire.decode(raw)
