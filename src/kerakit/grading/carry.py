"""What a grader may hand to student code across the sealed boundary, and what comes back after the call.

Grader side, `pack` turns an argument into plain data and `wire.Extension`s:
- a Keras model: its serialisation (compile settings and trainable flags included) and weights;
- a Keras History: its history, params and epochs;
- a keras_tuner HyperParameters: its config;
- a path: its name and, when it exists, its files (a folder of images to read, say);
- any other callable: a number; student code that calls it calls back into the grader's
  process, which runs it on the plain arguments and packs what it returns.

Student side, `unpack` rebuilds live objects from them, and after the call `mirror`
reports what the call changed: a model's weights and trainable flags, a path's files, the
hyperparameters' config. `apply_mirror` writes that back into the grader's own objects,
so a grader that hands over a model to be trained, or a folder to write a PNG into, sees
the result as it would in one process. Only data ever crosses; the grader never builds
an object from what the student's side sends beyond arrays, numbers and files.

A model keeps its number for the whole test (`Ledger`), and the student's side keeps the
model it built for it: the next call sends nothing when the grader's copy is as the
student's side left it, only weights and flags when the grader changed them, and the whole
model only when it was recompiled. So a training loop of many calls (ch08's GAN) neither
rebuilds nor retraces, and a model the grader built from other models it hands over (the
GAN from its generator and discriminator) is rebuilt around the student's side's copies of
those: freezing the discriminator there freezes it inside the GAN, as in one process.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Callable

import numpy as np

from kerakit.grading.wire import Extension

MAX_PATH_BYTES = 64 * 2**20  # the files of one path argument, either way


class CarryError(ValueError):
    """An argument (or a file it holds) cannot be carried across the boundary."""


# --- grader side ---------------------------------------------------------------------------------------


@dataclass
class _SentModel:
    model: Any
    number: int
    key: tuple | None = None  # what the student's side built it from (None: nothing yet)
    synced: "ModelState | None" = None  # the state the student's side holds (None: unknown)
    anchors: tuple = ()  # the objects whose ids are in `key`, held so that no new object takes an id


class Ledger:
    """The grader's objects handed to student code in this test: callables and objects by number, models by a stable one."""

    def __init__(self):
        self.callbacks: dict[int, Any] = {}  # number -> the grader's object (models included)
        self._numbers = itertools.count(1)
        self._models: dict[int, _SentModel] = {}  # id(model) -> its entry (the entry holds the model, so ids stay unique)

    def register(self, value: Any) -> int:
        """Return a new number for `value`, which student code may call or read through it."""
        number = next(self._numbers)
        self.callbacks[number] = value
        return number

    def model_entry(self, model) -> _SentModel:
        """Return the model's entry, numbered the first time the model is handed over."""
        entry = self._models.get(id(model))
        if entry is None:
            entry = self._models[id(model)] = _SentModel(model, self.register(model))
        return entry

    def entry_by_number(self, number: Any) -> _SentModel | None:
        """Return the entry of the model handed over as `number`, or None."""
        model = self.callbacks.get(number)
        entry = self._models.get(id(model))
        return entry if entry is not None and entry.model is model else None

    def forget(self) -> None:
        """Drop every object of the test that ended (the student's side drops its copies on the next request)."""
        self.callbacks.clear()
        self._models.clear()


def pack(value: Any, ledger: Ledger) -> Any:
    """Return `value` as plain data and Extensions; callables, objects and models are numbered in `ledger`."""
    kind = type(value)
    if kind in (list, tuple):
        return kind(pack(item, ledger) for item in value)
    if kind is dict:
        return {key: pack(item, ledger) for key, item in value.items()}
    if isinstance(value, PurePath):
        return Extension("path", _path_payload(Path(value)))
    if kind is str and _is_grader_temp_path(value):  # a path the grader wrote as text: str(tmp_path / "best.keras")
        return Extension("path", {**_path_payload(Path(value)), "text": True})
    keras = _keras()
    if keras is not None:
        if isinstance(value, keras.Model):
            return _pack_model(value, ledger)  # what the student's side does to its copy comes back into this object
        if isinstance(value, keras.callbacks.History):
            return Extension("history", {"history": _plain(dict(value.history)), "params": _plain(dict(value.params or {})),
                                         "epoch": _plain(list(getattr(value, "epoch", [])))})
    if type(value).__name__ == "HyperParameters" and type(value).__module__.startswith("keras_tuner"):
        return Extension("hyperparameters", _plain(value.get_config()))
    if _is_plain(value):
        return value
    number = ledger.register(value)
    if callable(value) and not isinstance(value, type) and not _has_public_attributes(value):
        return Extension("callable", number)  # a function or a bound method
    return Extension("object", number)  # anything else of the grader's: a stand-in model, a recorder


def attribute_of(value: Any, name: Any, ledger: Ledger) -> Any:
    """Return the packed public attribute `name` of a grader's object that student code reads through its proxy.

    Raises:
        CarryError: a private or special name (only what the object offers publicly crosses).
    """
    if type(name) is not str or not name.isidentifier() or name.startswith("_"):
        raise CarryError(f"{name!r} is not a public attribute")
    return pack(getattr(value, name), ledger)


def _is_plain(value: Any) -> bool:
    kind = type(value)
    if value is None or kind in (bool, int, float, complex, str, bytes, np.ndarray, np.random.Generator):
        return True
    if isinstance(value, np.generic) and kind.__module__ == "numpy":
        return True
    if kind in (set, frozenset):
        return all(_is_plain(item) for item in value)
    from kerakit.grading.wire import RECORD_TYPES

    return RECORD_TYPES.get(kind.__name__) is kind


def _has_public_attributes(value: Any) -> bool:
    """Return True for an object that carries state of its own (a callable class instance), not a plain function."""
    import types

    if isinstance(value, (types.FunctionType, types.MethodType, types.BuiltinFunctionType, np.ufunc)):
        return False
    import functools

    return not isinstance(value, functools.partial)


def apply_mirror(arguments: tuple, keywords: dict, mirror: dict, ledger: Ledger, sent: dict) -> None:
    """Write what the student's side reports a call changed back into the grader's own objects.

    `mirror["models"]` holds every grader model the call saw (as an argument, or returned by a
    grader's function it called), by number; `mirror["arguments"]` the paths and hyperparameters,
    by argument position or name. Only what the grader sent as such is written: `sent` maps each
    argument key to the Extension it was packed as, so a report about any other argument (a
    string that is not a path, say) changes nothing.
    """
    entries = [(ledger.entry_by_number(number), change) for number, change in ((mirror or {}).get("models") or {}).items()]
    entries = [(entry, change) for entry, change in entries if entry is not None and type(change) is dict]
    for entry, change in entries:
        _update_model(entry.model, change)
    for entry, _ in entries:  # after all of them: a model made of others changed theirs too
        entry.synced = state_of(entry.model)
    for key, change in ((mirror or {}).get("arguments") or {}).items():
        kind = getattr(sent.get(key), "kind", None)
        original = arguments[key] if isinstance(key, int) and 0 <= key < len(arguments) else keywords.get(key)
        if type(change) is not dict or original is None:
            continue
        if kind == "path" and "files" in change:
            _write_files(Path(original), change)
        elif kind == "hyperparameters" and "hyperparameters" in change:
            import keras_tuner

            original.__dict__.update(keras_tuner.HyperParameters.from_config(change["hyperparameters"]).__dict__)


def _pack_model(model, ledger: Ledger) -> Extension:
    """Return the model as the student's side needs it: all of it the first time, then only what changed since."""
    entry = ledger.model_entry(model)
    nested = [_pack_model(layer, ledger) for layer in model.layers if isinstance(layer, _keras().Model)]
    key = _build_key(model, ledger)
    if entry.key != key:  # never sent, recompiled, or made of models that were
        entry.key, entry.synced = key, None
        entry.anchors = (getattr(model, "optimizer", None), getattr(model, "_compile_config", None))
        return Extension("model", {"number": entry.number, "build": _model_payload(model, ledger, nested)})
    state = state_of(model)
    if state == entry.synced:
        return Extension("model", {"number": entry.number, "nested": nested})
    return Extension("model", {"number": entry.number, "nested": nested, "update": {"weights": state.weights, **state.flags}})


def _build_key(model, ledger: Ledger) -> tuple:
    """Return what, when it changes, makes the student's side rebuild the model: its compile and the models it holds."""
    return (id(getattr(model, "optimizer", None)), id(getattr(model, "_compile_config", None)), len(model.weights),
            tuple(ledger.model_entry(layer).key for layer in model.layers if isinstance(layer, _keras().Model)))


def weights_of(model) -> list[np.ndarray]:
    """Return copies of the model's weights."""
    import keras

    return [np.array(keras.ops.convert_to_numpy(weight)) for weight in model.weights]


def same_weights(before: list[np.ndarray] | None, after: list[np.ndarray]) -> bool:
    """Return True when two snapshots of weights are equal (compared, not hashed: exact and faster than a digest)."""
    return before is not None and len(before) == len(after) and all(
        a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b) for a, b in zip(before, after))


@dataclass
class ModelState:
    """What a call may change in a model: weights, trainable flags, optimizer steps."""

    weights: list
    flags: dict
    iterations: int | None

    def __eq__(self, other) -> bool:
        return (isinstance(other, ModelState) and self.flags == other.flags and self.iterations == other.iterations
                and same_weights(self.weights, other.weights))


def state_of(model) -> ModelState:
    """Return the model's state as a call may change it, to compare with the state the student's side holds."""
    import keras

    optimizer = getattr(model, "optimizer", None)
    built = optimizer is not None and getattr(optimizer, "built", False)
    return ModelState(weights_of(model), _flags(model), int(keras.ops.convert_to_numpy(optimizer.iterations)) if built else None)


def _flags(model) -> dict:
    return {"trainable": [bool(layer.trainable) for layer in _all_layers(model)], "model_trainable": bool(model.trainable)}


def _set_flags(model, change: dict) -> None:
    """Set the model's own trainable flag, then each layer's, outer layers first (each setter also sets what it holds)."""
    if type(change.get("model_trainable")) is bool:
        model.trainable = change["model_trainable"]
    flags, layers = change.get("trainable") or [], _all_layers(model)
    if len(flags) == len(layers):
        for layer, flag in zip(layers, flags):
            layer.trainable = bool(flag)


def _set_weights(model, weights: Any) -> None:
    current = model.weights
    if (type(weights) is list and len(weights) == len(current)
            and all(type(w) is np.ndarray and tuple(w.shape) == tuple(c.shape) for w, c in zip(weights, current))):
        model.set_weights(weights)


def _model_payload(model, ledger: Ledger, nested: list) -> dict:
    """Return the model's serialisation and weights; the models it is made of are referred to by their numbers."""
    from kerakit.grading.boundary import model_record

    record = model_record(model, "the grader's model")
    if record.config is None:
        raise CarryError(f"the grader's {type(model).__name__} cannot be serialised")
    config = record.config
    numbers = {layer.name: ledger.model_entry(layer).number for layer in model.layers if isinstance(layer, _keras().Model)}
    for layer in (config.get("config") or {}).get("layers") or []:
        name = layer.get("name") or (layer.get("config") or {}).get("name")  # functional entries, Sequential entries
        if name in numbers:
            layer.update(module=None, class_name=LIVE_MODEL, registered_name=LIVE_MODEL, config={"number": numbers[name]})
    return {"config": config, "weights": [weights for _, weights in record.weights], "nested": nested,
            "paths": [path for path, _ in record.weights], "trainable": bool(model.trainable)}


LIVE_MODEL = "KerakitLiveModel"  # in a sent config: "the student's side's copy of the grader's model number N"


def _update_model(model, change: dict) -> None:
    _set_weights(model, change.get("weights"))
    _set_flags(model, change)
    if type(change.get("probe")) is dict and hasattr(model, "absorb_probe"):
        model.absorb_probe(change["probe"])  # what a kerakit probe recorded in the student's process
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and change.get("iterations") is not None:
        if not optimizer.built:
            optimizer.build(model.trainable_variables)
        optimizer.iterations.assign(int(change["iterations"]))
        if type(change.get("learning_rate")) is float and hasattr(optimizer.learning_rate, "assign"):
            optimizer.learning_rate.assign(change["learning_rate"])


def _is_grader_temp_path(text: str) -> bool:
    """Return True for an absolute path inside the grader's temporary folder that exists or can be created."""
    import tempfile

    if "\n" in text or "\x00" in text or not os.path.isabs(text) or len(text) > 4096:
        return False
    path = Path(text)
    temp = Path(tempfile.gettempdir()).resolve()
    try:
        inside = path.resolve().is_relative_to(temp) and path.resolve() != temp
    except (OSError, RuntimeError):
        return False
    return inside and (path.exists() or path.parent.is_dir())


def _path_payload(path: Path) -> dict:
    return {"name": path.name, "is_dir": path.is_dir(), "files": read_files(path) if path.exists() else None}


def _write_files(path: Path, change: dict) -> None:
    files = change.get("files") or {}
    if change.get("is_dir"):
        path.mkdir(parents=True, exist_ok=True)
    for relative, data in files.items():
        if type(data) is not bytes or not _safe_relative(relative) or (relative != "") == (not change.get("is_dir")):
            continue  # a folder's files have names, a file's one entry has none
        target = path / relative if change.get("is_dir") else path
        if not target.resolve().is_relative_to(path.resolve()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# --- student side ---------------------------------------------------------------------------------------


def unpack(value: Any, context: "HostContext") -> Any:
    """Return the live object for `value` (Extensions rebuilt, containers walked), on the student's side."""
    kind = type(value)
    if kind in (list, tuple):
        return kind(unpack(item, context) for item in value)
    if kind is dict:
        return {key: unpack(item, context) for key, item in value.items()}
    if kind is not Extension:
        return value
    payload = value.payload
    if value.kind == "model":
        return context.model(payload)
    if value.kind == "history":
        import keras

        history = keras.callbacks.History()
        history.history, history.params, history.epoch = payload["history"], payload["params"], payload["epoch"]
        return history
    if value.kind == "hyperparameters":
        import keras_tuner

        return keras_tuner.HyperParameters.from_config(payload)
    if value.kind == "path":
        return context.materialise(payload)
    if value.kind == "callable":
        return context.callback(int(payload))
    if value.kind == "object":
        return GraderObject(int(payload), context)
    raise CarryError(f"unknown kind {value.kind!r}")


def mirror(arguments: tuple, keywords: dict, packed_arguments: tuple, packed_keywords: dict, context: "HostContext") -> dict:
    """Return, for each argument that came as a model, a path or hyperparameters, what the call left in it."""
    changes: dict = {}
    for key, live, packed in [*zip(range(len(arguments)), arguments, packed_arguments),
                              *((k, keywords[k], packed_keywords[k]) for k in keywords)]:
        if type(packed) is not Extension:
            continue
        if packed.kind == "path":
            local = Path(live)
            changes[key] = {"is_dir": local.is_dir(), "files": read_files(local) if local.exists() else {}}
        elif packed.kind == "hyperparameters":
            changes[key] = {"hyperparameters": _plain(live.get_config())}
    models = {number: model_state(context.cache[number], before) for number, before in context.touched.items()}
    context.touched.clear()
    return {"arguments": changes, "models": models}


def model_state(model, weights_before: list | None = None) -> dict:
    """Return what a call may have changed in a model: weights (unless equal to `weights_before`), trainable flags,
    optimizer steps and learning rate, and what a probe recorded."""
    import keras

    state = _flags(model)
    weights = weights_of(model)
    if not same_weights(weights_before, weights):
        state["weights"] = weights
    if hasattr(model, "take_probe_state"):
        state["probe"] = model.take_probe_state()
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None:
        state["iterations"] = int(keras.ops.convert_to_numpy(optimizer.iterations))
        try:
            state["learning_rate"] = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
        except (TypeError, ValueError):
            pass
    return state


class GraderObject:
    """Student code's handle on an object of the grader's: public attributes and methods are read in the grader's process.

    Reading `handle.fit` calls back into the grader, which returns the attribute packed
    (plain data, or another handle for a method or an object); calling the handle calls
    the object there.
    """

    def __init__(self, number: int, context: "HostContext"):
        object.__setattr__(self, "_number", number)
        object.__setattr__(self, "_context", context)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._context.attribute(self._number, name)

    def __call__(self, *arguments, **keywords):
        return self._context.call_grader(self._number, arguments, keywords)

    def __repr__(self) -> str:
        return f"<the grader's object #{self._number}>"


class HostContext:
    """The student host's side of carrying: where grader paths live, and how a call goes back to the grader."""

    def __init__(self, scratch: Path, call_grader: Callable[[int, tuple, dict], Any],
                 read_attribute: Callable[[int, str], Any] | None = None):
        self.scratch = scratch
        self.call_grader = call_grader
        self._read_attribute = read_attribute
        self._count = 0
        self.cache: dict[int, Any] = {}  # the grader's models rebuilt here in this test, by number
        self.touched: dict[int, list] = {}  # those the current call saw -> their weights when handed over

    def forget(self) -> None:
        """Drop the models of the test that ended."""
        self.cache.clear()
        self.touched.clear()

    def model(self, payload: dict) -> Any:
        """Return this side's copy of the grader's model: built, reused, or reused with the grader's new weights and flags."""
        for extension in payload.get("nested") or []:  # the models it is made of, first
            unpack(extension, self)
        number = int(payload["number"])
        if "build" in payload:
            self.cache[number] = self._build(payload["build"])
        model = self.cache.get(number)
        if model is None:
            raise CarryError(f"the grader's model #{number} is no longer here")
        if type(payload.get("update")) is dict:
            _set_weights(model, payload["update"].get("weights"))
            _set_flags(model, payload["update"])
        if number not in self.touched:
            self.touched[number] = weights_of(model)
        return model

    def _build(self, payload: dict) -> Any:
        import keras

        import kerakit.grading.probes  # noqa: F401 - registers the probe classes a grader's model may be made of

        cache = self.cache

        class LiveModel:
            @classmethod
            def from_config(cls, config):
                return cache[int(config["number"])]

        for extension in payload.get("nested") or []:
            unpack(extension, self)
        config = dict(payload["config"])
        compile_config = config.pop("compile_config", None)
        with keras.saving.custom_object_scope({LIVE_MODEL: LiveModel}):
            model = keras.saving.deserialize_keras_object(config)
            paths, name = list(payload.get("paths") or []), config.get("config", {}).get("name")
            if paths and [w.path for w in model.weights] != paths and name and paths[0].startswith(f"{name}/"):
                with keras.name_scope(name):  # a Sequential built at once names its weights under its own name
                    model = keras.saving.deserialize_keras_object(config)
        _set_weights(model, list(payload["weights"]))
        if type(payload.get("trainable")) is bool and model.trainable != payload["trainable"]:
            # The model's own flag, without touching its layers' (they came with the config): a Sequential's config
            # leaves it out, and a frozen discriminator rebuilt as trainable would ignore `trainable = True` later.
            model._trainable = payload["trainable"]
        if compile_config is not None:
            # compile, not compile_from_config: that one builds the optimizer for the weights trainable now, and a
            # model the grader froze after compiling (ch08's GAN discriminator) could never train again.
            model.compile(**keras.saving.deserialize_keras_object(compile_config))
        return model

    def attribute(self, number: int, name: str) -> Any:
        """Return the attribute `name` of the grader's object `number`, read in the grader's process."""
        if self._read_attribute is None:
            raise AttributeError(name)
        return self._read_attribute(number, name)

    def materialise(self, payload: dict) -> Path:
        """Return a fresh local path holding what the grader's path held (nothing, a file or a folder)."""
        self._count += 1
        folder = self.scratch / str(self._count)
        folder.mkdir(parents=True, exist_ok=True)
        local = folder / (payload.get("name") or "path")
        files = payload.get("files")
        if payload.get("is_dir"):
            local.mkdir(exist_ok=True)
        for relative, data in (files or {}).items():
            if not _safe_relative(relative) or type(data) is not bytes:
                raise CarryError(f"an unsafe file name {relative!r}")
            target = local / relative if payload.get("is_dir") else local
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return str(local) if payload.get("text") else local

    def callback(self, number: int) -> Callable:
        """Return a function that calls the grader's callable `number` with plain arguments."""
        call_grader = self.call_grader

        def grader_function(*arguments, **keywords):
            return call_grader(number, arguments, keywords)

        return grader_function


# --- both -----------------------------------------------------------------------------------------------


def read_files(path: Path) -> dict[str, bytes]:
    """Return {relative name: bytes} of a file ({"": bytes}) or of every regular file under a folder (no links)."""
    if path.is_symlink():
        return {}
    if path.is_file():
        items = [("", path)]
    else:
        items = [(str(p.relative_to(path)), p) for p in sorted(path.rglob("*")) if p.is_file() and not p.is_symlink()]
    files, total = {}, 0
    for relative, file in items:
        total += file.stat().st_size
        if total > MAX_PATH_BYTES:
            raise CarryError(f"{path} holds more than {MAX_PATH_BYTES >> 20} MiB of files")
        files[relative] = file.read_bytes()
    return files


def _safe_relative(relative: Any) -> bool:
    if type(relative) is not str:
        return False
    if relative == "":
        return True
    parts = PurePath(relative).parts
    return not os.path.isabs(relative) and ".." not in parts and "\x00" not in relative


def _all_layers(model) -> list:
    layers = []
    for layer in model.layers:
        layers.append(layer)
        if hasattr(layer, "layers"):
            layers.extend(_all_layers(layer))
    return layers


def _plain(value: Any) -> Any:
    from kerakit.grading.boundary import to_plain

    return to_plain(value, "a grader's argument")


def _keras():
    import sys

    return sys.modules.get("keras")
