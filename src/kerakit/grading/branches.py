"""Compare a model that branches (inception modules, auxiliary heads) path by path, in any build order.

A functional model's `layers` list follows the order the student happened to call the
layers in, so two correct inception modules can list their layers differently. Here a
model is read as its paths: every chain of layers from an input to an output, taken
from the model's config (plain data). Paths are compared as a multiset, so the order of
the branches, and of the concatenated tensors, does not matter.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from kerakit.grading.errors import GradingFailure
from kerakit.grading.model_summary import CONFIG_KEYS, LayerSummary, ModelSummary, _first_difference, _normalise, expected_layers

MAX_PATHS = 200


def model_paths(record, what: str = "the model") -> list[tuple[LayerSummary, ...]]:
    """Return every path from an input to an output of the record's model, each a tuple of LayerSummary (inputs left out).

    A Sequential model has one path. A nested functional model (a module used as a layer)
    is expanded into its own paths, so building a classifier from a module model reads
    the same as writing the module's layers inline.

    Raises:
        GradingFailure: the model has no config (a subclassed model) or more than MAX_PATHS paths.
    """
    config = getattr(record, "config", None)
    if config is None:
        raise GradingFailure(f"{what} is a subclassed keras.Model, whose layers' connections cannot be read: "
                             "build it with the functional API (keras.Model(inputs, outputs))")
    if config.get("class_name") == "Sequential":
        return [tuple(record.layers)]
    return _graph_paths(config.get("config", {}), {layer.name: layer for layer in record.layers}, what)


def _graph_paths(inner: Mapping[str, Any], summaries: Mapping[str, LayerSummary], what: str) -> list[tuple[LayerSummary, ...]]:
    """Return the input-to-output paths of a serialised functional model, expanding nested models."""
    entries = {layer["name"]: layer for layer in inner.get("layers", [])}
    parents = {name: sorted(set(_history_names(entry.get("inbound_nodes", [])))) for name, entry in entries.items()}
    paths: list[tuple[LayerSummary, ...]] = []

    def segments(name: str) -> list[tuple[LayerSummary, ...]]:
        entry = entries.get(name, {})
        nested = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        if entry.get("class_name") == "InputLayer":
            return [()]
        if entry.get("class_name") == "Functional" and "layers" in nested:
            return _graph_paths(nested, {}, what)
        if entry.get("class_name") == "Sequential" and "layers" in nested:
            return [tuple(_summary_from_config(layer) for layer in nested["layers"] if layer.get("class_name") != "InputLayer")]
        return [(summaries[name],) if name in summaries else (_summary_from_config(entry),)]

    def walk(name: str, suffix: tuple[LayerSummary, ...]) -> None:
        if len(paths) > MAX_PATHS:
            raise GradingFailure(f"{what} has more than {MAX_PATHS} paths from its inputs to its outputs")
        for segment in segments(name):
            here = (*segment, *suffix)
            if not parents.get(name):
                paths.append(here)
            else:
                for parent in parents[name]:
                    walk(parent, here)

    for name in dict.fromkeys(_history_names(inner.get("output_layers", []))):
        walk(name, ())
    return [_fold_activations(path) for path in paths]


def _fold_activations(path: tuple[LayerSummary, ...]) -> tuple[LayerSummary, ...]:
    """Return the path with each Activation layer folded into the linear layer before it (Conv2D + Activation("relu") = Conv2D(relu))."""
    folded: list[LayerSummary] = []
    for layer in path:
        previous = folded[-1] if folded else None
        if layer.class_name == "Activation" and previous is not None and previous.config.get("activation") in (
                "linear", layer.config.get("activation")):
            config = dict(previous.config, activation=layer.config.get("activation"))
            folded[-1] = LayerSummary(previous.class_name, previous.output_shape, previous.params, config, previous.name,
                                      previous.module, previous.full_config)
            continue
        folded.append(layer)
    return tuple(folded)


def _summary_from_config(entry: Mapping[str, Any]) -> LayerSummary:
    """Return the LayerSummary of a serialised layer of a nested model (no output shape; parameters not known: -1)."""
    config = entry.get("config") if isinstance(entry.get("config"), dict) else {}
    picked = {key: _normalise(key, config[key]) for key in CONFIG_KEYS if key in config and key != "trainable"}
    if config.get("trainable") is False:
        picked["trainable"] = False
    return LayerSummary(str(entry.get("class_name")), None, -1, picked, str(config.get("name", "")),
                        str(entry.get("module") or "keras.layers"), config)


def assert_branches(record, expected: Sequence[Sequence[Mapping[str, Any]]], what: str = "the model") -> list:
    """Return the model's paths, or raise GradingFailure naming an expected path that is missing or one left over.

    Each expected path is a list of layer specs as for `assert_architecture`
    (`{"class": "Conv2D", "kernel_size": (3, 3), ...}`), from the first layer after the
    input to the output layer. Every expected path must match a distinct path of the
    model, and the model may have no other path.

    Args:
        record: the ModelRecord of the student's model.
        expected: the paths, in any order.
        what: how feedback names the model.

    Example:
        assert_branches(record, [[CONV_1x1, CONCAT], [CONV_3x3, CONCAT], [POOL, CONCAT]], "build_naive_inception()")
    """
    actual = model_paths(record, what)
    unmatched = list(range(len(actual)))
    for spec in expected:
        wanted = expected_layers(spec)
        match = next((i for i in unmatched if _path_matches(wanted, actual[i])), None)
        if match is None:
            closest = min(unmatched, key=lambda i: _difference_rank(wanted, actual[i]), default=None)
            why = ""
            if closest is not None:
                difference = _first_difference(wanted, _as_summary(actual[closest]))
                why = f"; the closest path ({_describe(actual[closest])}) differs at step {difference.index}: {difference.what}"
            raise GradingFailure(f"{what} should have the path {_describe(wanted)}, found none{why}\n{_listing(actual)}")
        unmatched.remove(match)
    if unmatched:
        raise GradingFailure(f"{what} has a path that should not be there: {_describe(actual[unmatched[0]])}\n{_listing(actual)}")
    return actual


def _path_matches(wanted, path) -> bool:
    return _first_difference(wanted, _as_summary(path)) is None


def _difference_rank(wanted, path) -> int:
    difference = _first_difference(wanted, _as_summary(path))
    return -(difference.index if difference else len(path) + 1)


def _as_summary(path) -> ModelSummary:
    return ModelSummary(tuple(path), None, None, 0, 0)


def _describe(path) -> str:
    return " -> ".join(_short(layer) for layer in path) or "(no layers)"


def _short(layer: LayerSummary) -> str:
    settings = [f"{key}={value}" for key, value in layer.config.items()
                if key in ("units", "filters", "kernel_size", "pool_size", "strides", "padding", "activation") and value is not None]
    return f"{layer.class_name}({', '.join(settings)})" if settings else layer.class_name


def _listing(paths) -> str:
    return "paths found:\n" + "\n".join(f"  {i + 1}. {_describe(path)}" for i, path in enumerate(paths))


def _history_names(value: Any) -> list[str]:
    """Return the layer names of every keras_history (or [name, node, index] triple) in a serialised node list."""
    names: list[str] = []
    if isinstance(value, dict):
        history = (value.get("config") or {}).get("keras_history") if value.get("class_name") == "__keras_tensor__" else None
        if history:
            names.append(str(history[0]))
        else:
            for item in value.values():
                names.extend(_history_names(item))
    elif isinstance(value, (list, tuple)):
        if len(value) == 3 and isinstance(value[0], str) and all(isinstance(v, int) for v in value[1:]):
            names.append(value[0])
        else:
            for item in value:
                names.extend(_history_names(item))
    return names
