"""Plain data to bytes and back, for the boundary between the student's process and the grader's.

`encode` accepts only what `boundary.to_plain` produces (plus a NumPy random Generator,
sent as its state); `decode` builds only Python's own scalars and containers, exact
`np.ndarray`s, and the boundary's record dataclasses named in RECORD_TYPES. No pickle,
no import, no call of anything named in the bytes: whatever a submission writes into
its answer, the grader gets data or a `WireError`.

A message is a JSON document plus the raw bytes of its arrays:
    u32 parts | (u64 length, bytes) * parts      part 0 is the JSON, the others are buffers
Inside the JSON every container is a tagged object ({"~": "t", "v": [...]} for a tuple),
so no student dict can pass for a tag.
"""

from __future__ import annotations

import dataclasses
import json
import math
import struct
from typing import Any

import numpy as np

from kerakit.grading.boundary import (AxesRecord, DatasetRecord, FigureRecord, GeneratorRecord, LineRecord, ModelRecord,
                                      RegularizerRecord)
from kerakit.grading.compile_settings import CompileSettings
from kerakit.grading.model_summary import LayerSummary, ModelSummary

RECORD_TYPES = {cls.__name__: cls for cls in (ModelRecord, ModelSummary, LayerSummary, CompileSettings, RegularizerRecord,
                                              LineRecord, AxesRecord, FigureRecord, DatasetRecord, GeneratorRecord)}
MAX_DEPTH = 64
MAX_MESSAGE_BYTES = 1 << 31  # 2 GiB: one answer larger than this is refused, not read


class WireError(ValueError):
    """The bytes are not a message this module writes (or describe something it does not carry)."""


@dataclasses.dataclass(frozen=True)
class Extension:
    """Something of the grader's that student code receives in another form (a model, a path, a callable), as data.

    `kind` names it and `payload` is plain data; only the student's side turns one into a
    live object (`carry.unpack`), and a grader never decodes one (`decode(extensions=False)`).
    """

    kind: str
    payload: Any


def encode(value: Any) -> bytes:
    """Return the message bytes of plain data `value`.

    Raises:
        WireError: `value` holds something that is not plain data.
    """
    buffers: list[bytes] = []
    document = json.dumps(_encode(value, buffers, 0), allow_nan=True, separators=(",", ":")).encode()
    parts = [document, *buffers]
    return b"".join([struct.pack("<I", len(parts)), *(struct.pack("<Q", len(p)) + p for p in parts)])


def decode(message: bytes, extensions: bool = False) -> Any:
    """Return the plain data a message holds (and `Extension`s, where `extensions` allows them).

    Raises:
        WireError: the bytes are malformed, or name a type this module does not build.
    """
    view = memoryview(message)
    try:
        (count,) = struct.unpack_from("<I", view, 0)
        offset, parts = 4, []
        for _ in range(count):
            (length,) = struct.unpack_from("<Q", view, offset)
            offset += 8
            if offset + length > len(view):
                raise WireError("a part runs past the end of the message")
            parts.append(view[offset:offset + length])
            offset += length
        if not parts:
            raise WireError("an empty message")
        document = json.loads(bytes(parts[0]))
    except (struct.error, ValueError) as error:
        raise WireError(f"not a message: {error}") from None
    return _decode(document, parts[1:], 0, extensions)


def _encode(value: Any, buffers: list[bytes], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"nested more than {MAX_DEPTH} levels deep")
    kind = type(value)
    if value is None or kind in (bool, str):
        return value
    if kind is int:
        return value if abs(value) < 2**53 else {"~": "i", "v": str(value)}
    if kind is float:
        return value if math.isfinite(value) else {"~": "f", "v": repr(value)}
    if kind is complex:
        return {"~": "c", "v": [_encode(value.real, buffers, depth + 1), _encode(value.imag, buffers, depth + 1)]}
    if kind is bytes:
        buffers.append(value)
        return {"~": "b", "i": len(buffers)}
    if kind is np.ndarray:
        if value.dtype.kind == "O":
            return {"~": "no", "shape": list(value.shape), "v": [_encode(item, buffers, depth + 1) for item in value.reshape(-1)]}
        if value.dtype.fields is not None or value.dtype.kind == "V":
            raise WireError("structured arrays are not carried")
        buffers.append(np.ascontiguousarray(value).tobytes())
        return {"~": "n", "i": len(buffers), "dtype": value.dtype.str, "shape": list(value.shape)}
    if kind in (list, tuple, set, frozenset):
        tag = {list: "l", tuple: "t", set: "s", frozenset: "F"}[kind]
        return {"~": tag, "v": [_encode(item, buffers, depth + 1) for item in value]}
    if kind is dict:
        return {"~": "d", "v": [[_encode(k, buffers, depth + 1), _encode(v, buffers, depth + 1)] for k, v in value.items()]}
    if kind.__name__ in RECORD_TYPES and RECORD_TYPES[kind.__name__] is kind:
        fields = {f.name: _encode(getattr(value, f.name), buffers, depth + 1) for f in dataclasses.fields(value)}
        return {"~": "r", "type": kind.__name__, "v": fields}
    if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in "biufcUS":
        return {"~": "ns", "dtype": value.dtype.str, "v": _encode(value.item(), buffers, depth + 1)}
    if kind is Extension:
        return {"~": "x", "kind": value.kind, "v": _encode(value.payload, buffers, depth + 1)}
    if kind is np.random.Generator:
        return {"~": "g", "v": _encode(value.bit_generator.state, buffers, depth + 1)}
    raise WireError(f"a {kind.__name__} (from {kind.__module__}) is not plain data")


def _decode(node: Any, buffers: list[memoryview], depth: int, extensions: bool = False) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"nested more than {MAX_DEPTH} levels deep")
    if node is None or type(node) in (bool, int, float, str):
        return node
    if type(node) is not dict or "~" not in node:
        raise WireError(f"an untagged {type(node).__name__}")
    tag, value = node["~"], node.get("v")
    if tag in ("l", "t", "s", "F"):
        items = [_decode(item, buffers, depth + 1, extensions) for item in _list(value)]
        return {"l": list, "t": tuple, "s": set, "F": frozenset}[tag](items)
    if tag == "d":
        return {_decode(_pair(pair)[0], buffers, depth + 1, extensions): _decode(_pair(pair)[1], buffers, depth + 1, extensions)
                for pair in _list(value)}
    if tag == "i":
        return int(_text(value))
    if tag == "f":
        text = _text(value)
        if text not in ("nan", "inf", "-inf"):
            raise WireError(f"not a float: {text!r}")
        return float(text)
    if tag == "c":
        real, imag = (_decode(part, buffers, depth + 1, extensions) for part in _pair(value))
        return complex(real, imag)
    if tag == "b":
        return bytes(_buffer(node, buffers))
    if tag == "n":
        dtype = np.dtype(_text(node.get("dtype")))
        if dtype.kind in ("O", "V") or dtype.fields is not None:
            raise WireError(f"dtype {dtype} is not carried")
        shape = tuple(int(d) for d in _list(node.get("shape")))
        data = _buffer(node, buffers)
        if len(data) != dtype.itemsize * math.prod(shape):
            raise WireError(f"an array of shape {shape} and dtype {dtype} does not fit its {len(data)} bytes")
        return np.frombuffer(bytearray(data), dtype=dtype).reshape(shape)  # a writable copy, the grader's own
    if tag == "no":
        shape = tuple(int(d) for d in _list(node.get("shape")))
        items = [_decode(item, buffers, depth + 1, extensions) for item in _list(value)]
        if len(items) != math.prod(shape):
            raise WireError("an object array does not fit its shape")
        array = np.empty(len(items), dtype=object)
        array[:] = items if items else []
        return array.reshape(shape)
    if tag == "r":
        cls = RECORD_TYPES.get(node.get("type"))
        if cls is None:
            raise WireError(f"no record type {node.get('type')!r}")
        if type(value) is not dict or set(value) != {f.name for f in dataclasses.fields(cls)}:
            raise WireError(f"a {cls.__name__} with the wrong fields")
        return cls(**{name: _decode(item, buffers, depth + 1, extensions) for name, item in value.items()})
    if tag == "ns":
        dtype = np.dtype(_text(node.get("dtype")))
        if dtype.kind not in "biufcUS":
            raise WireError(f"dtype {dtype} is not carried")
        return dtype.type(_decode(value, buffers, depth + 1, extensions))
    if tag == "x":
        if not extensions:
            raise WireError("an extension object where only plain data is allowed")
        return Extension(_text(node.get("kind")), _decode(value, buffers, depth + 1, extensions))
    if tag == "g":
        generator = np.random.default_rng()
        try:
            generator.bit_generator.state = _decode(value, buffers, depth + 1, extensions)
        except (TypeError, ValueError, KeyError) as error:
            raise WireError(f"not a random generator's state: {error}") from None
        return generator
    raise WireError(f"unknown tag {tag!r}")


def _list(value: Any) -> list:
    if type(value) is not list:
        raise WireError(f"expected a list, found a {type(value).__name__}")
    return value


def _pair(value: Any) -> list:
    value = _list(value)
    if len(value) != 2:
        raise WireError("expected a pair")
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise WireError(f"expected a string, found a {type(value).__name__}")
    return value


def _buffer(node: dict, buffers: list[memoryview]) -> memoryview:
    index = node.get("i")
    if type(index) is not int or not 1 <= index <= len(buffers):
        raise WireError("a buffer index out of range")
    return buffers[index - 1]
