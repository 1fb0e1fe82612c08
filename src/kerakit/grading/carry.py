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
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, Callable

import numpy as np

from kerakit.grading.wire import Extension

MAX_PATH_BYTES = 64 * 2**20  # the files of one path argument, either way


class CarryError(ValueError):
    """An argument (or a file it holds) cannot be carried across the boundary."""


# --- grader side ---------------------------------------------------------------------------------------


def pack(value: Any, callbacks: dict[int, Callable]) -> Any:
    """Return `value` as plain data and Extensions; callables are registered in `callbacks` under a number."""
    kind = type(value)
    if kind in (list, tuple):
        return kind(pack(item, callbacks) for item in value)
    if kind is dict:
        return {key: pack(item, callbacks) for key, item in value.items()}
    if isinstance(value, PurePath):
        return Extension("path", _path_payload(Path(value)))
    if kind is str and _is_grader_temp_path(value):  # a path the grader wrote as text: str(tmp_path / "best.keras")
        return Extension("path", {**_path_payload(Path(value)), "text": True})
    keras = _keras()
    if keras is not None:
        if isinstance(value, keras.Model):
            number = len(callbacks) + 1
            callbacks[number] = value  # what the student's side does to its copy comes back into this object
            return Extension("model", {**_model_payload(value), "number": number})
        if isinstance(value, keras.callbacks.History):
            return Extension("history", {"history": _plain(dict(value.history)), "params": _plain(dict(value.params or {})),
                                         "epoch": _plain(list(getattr(value, "epoch", [])))})
    if type(value).__name__ == "HyperParameters" and type(value).__module__.startswith("keras_tuner"):
        return Extension("hyperparameters", _plain(value.get_config()))
    if _is_plain(value):
        return value
    number = len(callbacks) + 1
    callbacks[number] = value
    if callable(value) and not isinstance(value, type) and not _has_public_attributes(value):
        return Extension("callable", number)  # a function or a bound method
    return Extension("object", number)  # anything else of the grader's: a stand-in model, a recorder


def attribute_of(value: Any, name: Any, callbacks: dict[int, Callable]) -> Any:
    """Return the packed public attribute `name` of a grader's object that student code reads through its proxy.

    Raises:
        CarryError: a private or special name (only what the object offers publicly crosses).
    """
    if type(name) is not str or not name.isidentifier() or name.startswith("_"):
        raise CarryError(f"{name!r} is not a public attribute")
    return pack(getattr(value, name), callbacks)


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


def apply_mirror(arguments: tuple, keywords: dict, mirror: dict, callbacks: dict[int, Any], sent: dict) -> None:
    """Write what the student's side reports a call changed back into the grader's own objects.

    `mirror["models"]` holds every grader model the call saw (as an argument, or returned by a
    grader's function it called), by number; `mirror["arguments"]` the paths and hyperparameters,
    by argument position or name. Only what the grader sent as such is written: `sent` maps each
    argument key to the Extension it was packed as, so a report about any other argument (a
    string that is not a path, say) changes nothing.
    """
    keras = _keras()
    for number, change in ((mirror or {}).get("models") or {}).items():
        model = callbacks.get(number)
        if keras is not None and isinstance(model, keras.Model) and type(change) is dict:
            _update_model(model, change)
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


def _model_payload(model) -> dict:
    from kerakit.grading.boundary import model_record

    record = model_record(model, "the grader's model")
    if record.config is None:
        raise CarryError(f"the grader's {type(model).__name__} cannot be serialised")
    return {"config": record.config, "weights": [weights for _, weights in record.weights],
            "paths": [path for path, _ in record.weights], "trainable": bool(model.trainable)}


def _update_model(model, change: dict) -> None:
    weights = change.get("weights") or []
    current = model.get_weights()
    if len(weights) == len(current) and all(type(w) is np.ndarray and w.shape == c.shape for w, c in zip(weights, current)):
        model.set_weights(weights)
    flags = change.get("trainable") or []
    layers = _all_layers(model)
    if len(flags) == len(layers):
        for layer, flag in zip(layers, flags):
            layer.trainable = bool(flag)
    if change.get("model_trainable") is not None:
        model.trainable = bool(change["model_trainable"])
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
        import keras

        import kerakit.grading.probes  # noqa: F401 - registers the probe classes a grader's model may be made of

        config = dict(payload["config"])
        compile_config = config.pop("compile_config", None)
        model = keras.saving.deserialize_keras_object(config)
        paths, name = list(payload.get("paths") or []), config.get("config", {}).get("name")
        if paths and [w.path for w in model.weights] != paths and name and paths[0].startswith(f"{name}/"):
            with keras.name_scope(name):  # a Sequential built at once names its weights under its own name
                model = keras.saving.deserialize_keras_object(config)
        model.set_weights(list(payload["weights"]))
        if type(payload.get("trainable")) is bool and model.trainable != payload["trainable"]:
            # The model's own flag, without touching its layers' (they came with the config): a Sequential's config
            # leaves it out, and a frozen discriminator rebuilt as trainable would ignore `trainable = True` later.
            model._trainable = payload["trainable"]
        if compile_config is not None:
            # compile, not compile_from_config: that one builds the optimizer for the weights trainable now, and a
            # model the grader froze after compiling (ch08's GAN discriminator) could never train again.
            model.compile(**keras.saving.deserialize_keras_object(compile_config))
        context.models[int(payload["number"])] = model
        return model
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
    models = {number: model_state(model) for number, model in context.models.items()}
    context.models.clear()
    return {"arguments": changes, "models": models}


def model_state(model) -> dict:
    """Return what a call may have changed in a model: weights, trainable flags, optimizer steps and learning rate."""
    import keras

    state = {"weights": [np.array(keras.ops.convert_to_numpy(w)) for w in model.weights],
             "trainable": [bool(layer.trainable) for layer in _all_layers(model)], "model_trainable": bool(model.trainable)}
    if hasattr(model, "probe_state"):
        state["probe"] = model.probe_state()
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
        self.models: dict[int, Any] = {}  # the grader's models rebuilt here during the current call, by number

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
