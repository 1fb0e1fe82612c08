"""Read a PyTorch state dict saved in the legacy (pre-1.6, non-zip) format with pickle and NumPy only.

The legacy format is five pickles in a row: a magic number, the protocol version,
system information, the state dict itself (tensors pickled as references to
storages), and the list of storage keys; then, per storage key in that order, an
int64 element count followed by the raw little-endian data. No torch needed, and
nothing outside an allow-list of classes is ever unpickled.
"""

from __future__ import annotations

import collections
import pickle
import struct
from pathlib import Path

import numpy as np

LEGACY_MAGIC_NUMBER = 0x1950A86A20F9469CFC6C
STORAGE_DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class _Storage:
    """A storage the state dict refers to; its data is read after the state dict."""

    def __init__(self, dtype, numel: int):
        self.dtype, self.numel, self.data = np.dtype(dtype), numel, None


class _TensorView:
    """A tensor as (storage, offset, size, stride), made a NumPy array once the storage is read."""

    def __init__(self, storage: _Storage, offset: int, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def to_array(self) -> np.ndarray:
        data = self.storage.data
        if not self.size:
            return np.array(data[self.offset])
        strides = [step * data.itemsize for step in self.stride]
        return np.lib.stride_tricks.as_strided(data[self.offset:], shape=self.size, strides=strides).copy()


def _rebuild_tensor(storage, storage_offset, size, stride, *_ignored):
    return _TensorView(storage, storage_offset, size, stride)


class _StateDictUnpickler(pickle.Unpickler):
    """Unpickles only OrderedDict, tensors and storage types: anything else is refused."""

    def __init__(self, handle):
        super().__init__(handle)
        self.storages: dict[str, _Storage] = {}

    def find_class(self, module, name):
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in STORAGE_DTYPES:
            return name
        raise pickle.UnpicklingError(f"refusing to unpickle {module}.{name}: not part of a plain state dict")

    def persistent_load(self, saved_id):
        kind, storage_type, key, _location, numel, view = saved_id
        if kind != "storage" or view is not None:
            raise pickle.UnpicklingError(f"unsupported persistent id {saved_id[:2]}")
        if key not in self.storages:
            self.storages[key] = _Storage(STORAGE_DTYPES[storage_type], int(numel))
        return self.storages[key]


def load_legacy_state_dict(path: Path | str) -> dict[str, np.ndarray]:
    """Return the state dict in a legacy-format `.pth` file as name -> NumPy array.

    Raises:
        ValueError: the file is not a legacy PyTorch file or is truncated.
        pickle.UnpicklingError: the file holds more than a plain state dict.
    """
    with open(path, "rb") as handle:
        if pickle.load(handle) != LEGACY_MAGIC_NUMBER:
            raise ValueError(f"{path} is not a legacy PyTorch file (wrong magic number)")
        pickle.load(handle)  # protocol version
        pickle.load(handle)  # system info
        unpickler = _StateDictUnpickler(handle)
        state = unpickler.load()
        for key in pickle.load(handle):
            storage = unpickler.storages[key]
            (count,) = struct.unpack("<q", handle.read(8))
            raw = handle.read(count * storage.dtype.itemsize)
            if count != storage.numel or len(raw) != count * storage.dtype.itemsize:
                raise ValueError(f"{path} is truncated: storage {key} should hold {storage.numel} values")
            storage.data = np.frombuffer(raw, dtype=storage.dtype.newbyteorder("<"))
    return collections.OrderedDict((name, view.to_array()) for name, view in state.items())
