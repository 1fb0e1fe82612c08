"""Rebuild a student's model from its record with the grader's own fresh weights.

Training claims never trust the weights a student hands over: a builder that trains
its model before returning it gains nothing, because the grader rebuilds the same
architecture and compile settings from the config and initialises it from its seed.
Only Keras's own classes are rebuilt, so a look-alike layer or a `fit` override of the
student's never runs in a grader's training.
"""

from __future__ import annotations

import copy
from typing import Any, Mapping, Sequence

from kerakit.grading.errors import GradingFailure
from kerakit.grading.seeding import current_seed, seed_everything

# Modules a rebuilt config may name: Keras itself and Python's builtins (plain values).
_ALLOWED_MODULES = ("keras", "builtins")


def fresh_model(record, what: str = "the model", *, seed: int | None = None, compile_with: Mapping[str, Any] | None = None,
                inherited: Mapping[str, Any] | None = None, recorded_weights: bool = False,
                initial_weights: Sequence[Any] | None = None, unfreeze: Sequence[str] = ()):
    """Return a new keras.Model with the record's architecture and compile settings and fresh weights from `seed`.

    Args:
        record: the ModelRecord of the student's model.
        what: how feedback names it.
        seed: the seed for the fresh weights (default: the grading session's seed).
        compile_with: keyword arguments for `compile`, replacing the student's settings
            (when the exercise is not about compiling).
        inherited: layer name -> a grader's own keras layer or model whose weights the
            rebuilt layer takes (the pretrained base of transfer learning).
        recorded_weights: take the weights the record holds instead of fresh ones (for
            models whose weights the exercise gives, such as an activation model built
            on the grader's own convnet; never for a training claim).
        initial_weights: the trainable weights another model started from (a grader's
            baseline): taken when this model's trainable weights have the same shapes in
            the same order, so a comparison of the two measures only what differs between
            them (a regulariser, dropout, augmentation), not the luck of the initialisation.
        unfreeze: names of layers made trainable before compiling (the grader's baseline
            that learns what the student's model keeps frozen).

    Raises:
        GradingFailure: the model is subclassed, uses a class that is not Keras's own, or
            is not compiled when `compile_with` is not given.
    """
    import keras

    config = getattr(record, "config", None)
    if config is None:
        raise GradingFailure(f"{what} is a subclassed keras.Model ({getattr(record, 'class_name', '?')}) that Keras cannot "
                             "serialise: build it with keras.Sequential or the functional API (keras.Model(inputs, outputs))")
    foreign = _foreign_classes(config)
    if foreign:
        name, module = foreign[0]
        raise GradingFailure(f"{what} uses the class {name} from {module}: the exercise expects Keras's own layers "
                             f"(keras.layers.{name})")
    lambdas = _lambda_layers(config)
    if lambdas:
        raise GradingFailure(f"{what} uses a Lambda layer ({lambdas[0]!r}): the grader rebuilds models from Keras's own layers, "
                             "and a Lambda's Python code is not rebuilt: use a Keras layer instead (e.g. Rescaling)")
    if compile_with is None and record.compile is None and not recorded_weights:
        raise GradingFailure(f"{what} is not compiled: call model.compile(optimizer=..., loss=..., metrics=[...])")
    seed_everything(current_seed() if seed is None else seed)
    config = copy.deepcopy(config)  # Keras's deserialisation changes the dicts it reads: the record must stay as it was
    compile_config = config.pop("compile_config", None)
    try:
        model = keras.saving.deserialize_keras_object(config, safe_mode=True)
    except Exception as error:
        raise GradingFailure(f"{what} could not be rebuilt from its config ({type(error).__name__}: "
                             f"{str(error).strip().splitlines()[0] if str(error).strip() else ''})") from None
    if recorded_weights:
        if len(record.weights) != len(model.weights):
            raise GradingFailure(f"{what}: its weights were not recorded (a model this large is compared by architecture only)")
        for variable, (_, value) in zip(model.weights, record.weights):
            variable.assign(value)
    if initial_weights is not None and [tuple(w.shape) for w in model.trainable_weights] == [tuple(w.shape) for w in initial_weights]:
        for variable, value in zip(model.trainable_weights, initial_weights):
            variable.assign(value)
    for name, source in (inherited or {}).items():
        model.get_layer(name).set_weights(source.get_weights())
    for name in unfreeze:
        model.get_layer(name).trainable = True
    if compile_with is not None:
        model.compile(**compile_with)
    elif record.compile is not None:
        model.compile_from_config(compile_config or record.compile_config)
    return model


def _serialised_objects(config: Any):
    """Yield every serialised Keras object (a dict with a "class_name") anywhere in `config`."""
    if isinstance(config, dict):
        if "class_name" in config:
            yield config
        for value in config.values():
            yield from _serialised_objects(value)
    elif isinstance(config, (list, tuple)):
        for value in config:
            yield from _serialised_objects(value)


def _foreign_classes(config: Any) -> list[tuple[str, str]]:
    """Return (class name, module or registered name) of every serialised object in `config` that is not Keras's own."""
    found = []
    for item in _serialised_objects(config):
        module, registered = item.get("module"), item.get("registered_name")
        if isinstance(module, str) and module.split(".")[0] not in _ALLOWED_MODULES:
            found.append((str(item["class_name"]), module))
        elif isinstance(registered, str) and registered != item["class_name"] and not registered.startswith("keras"):
            found.append((str(item["class_name"]), registered))
    return found


def _lambda_layers(config: Any) -> list[str]:
    """Return the names of the Lambda layers in a serialised model."""
    return [str((item.get("config") or {}).get("name", "lambda")) for item in _serialised_objects(config) if item["class_name"] == "Lambda"]
