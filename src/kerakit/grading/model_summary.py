"""Summarise a Keras 3 model layer by layer and diff it against an expected architecture."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from kerakit.grading.errors import GradingFailure

# The parts of a layer's config that decide what an exercise asks for.
CONFIG_KEYS = (
    "units",
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "pool_size",
    "activation",
    "rate",
    "scale",
    "offset",
    "return_sequences",
    "dropout",
    "recurrent_dropout",
    "merge_mode",
    "negative_slope",
    "kernel_regularizer",
    "bias_regularizer",
    "activity_regularizer",
    "use_bias",
    "input_dim",
    "output_dim",
    "trainable",
)

@dataclass(frozen=True)
class LayerSummary:
    """One layer as graders compare it: class, output shape, parameter count, key config."""

    class_name: str
    output_shape: tuple
    params: int
    config: Mapping[str, Any] = field(default_factory=dict)
    # Keras numbers layer names per session ("dense_3"), so the name is shown but never compared.
    name: str = field(default="", compare=False)
    # Where the layer's class comes from: a look-alike class named "Dropout" is not Keras's Dropout.
    module: str = field(default="keras.layers", compare=False)
    # The layer's whole config as plain data, for exercises about settings CONFIG_KEYS leave out.
    full_config: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_keras(self) -> bool:
        """Return True when the layer is one of Keras's own classes."""
        return self.module == "keras" or self.module.startswith("keras.")

    def describe(self) -> str:
        """Return a one-line description such as `Dense (None, 16) 160,016 activation=relu`."""
        shape = _show(self.output_shape) if self.output_shape is not None else "(any shape)"
        params = f"{self.params:,}" if self.params >= 0 else "(any)"
        settings = " ".join(f"{key}={_show(value)}" for key, value in self.config.items()
                            if value is not None and (key, value) != ("use_bias", True))
        return f"{self.class_name} {shape} {params} {settings}".rstrip()


@dataclass(frozen=True)
class ModelSummary:
    """A model as a tuple of LayerSummary plus its input and output shapes and total parameters."""

    layers: tuple[LayerSummary, ...]
    input_shape: Any
    output_shape: Any
    total_params: int
    trainable_params: int
    built: bool = True


def summarize_model(model, what: str = "the model", fold_activations: bool = True) -> ModelSummary:
    """Return the ModelSummary of a built Keras model (Sequential, functional or subclassed).

    Input layers are left out, so the same network built with Sequential or with the
    functional API summarises the same. With `fold_activations`, an `Activation`
    layer right after a layer with a linear activation is folded into it, so
    `Dense(16)` + `Activation("relu")` reads as `Dense(16, activation="relu")`.

    Raises:
        GradingFailure: the object is not a Keras model, or it is not built yet.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise GradingFailure(f"{what}: expected a keras.Model, got {type(model).__name__}")
    layers: list[LayerSummary] = []
    previous_layer = None
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        summary = summarize_layer(layer)
        previous = layers[-1] if layers else None
        if (
            fold_activations
            and summary.class_name == "Activation"
            and previous is not None
            and previous.config.get("activation") == "linear"
            and _reads_only(layer, previous_layer)
        ):
            config = dict(previous.config, activation=summary.config.get("activation"))
            layers[-1] = LayerSummary(previous.class_name, previous.output_shape, previous.params, config, previous.name, previous.module,
                                      previous.full_config)
            continue
        layers.append(summary)
        previous_layer = layer
    trainable = sum(int(_count(w)) for w in model.trainable_weights)
    if not model.built:  # e.g. an augmentation pipeline without keras.Input: layers and configs, no shapes
        return ModelSummary(tuple(layers), None, None, trainable, trainable, built=False)
    return ModelSummary(
        layers=tuple(layers),
        input_shape=_shape_of(getattr(model, "inputs", None)),
        output_shape=_shape_of(getattr(model, "outputs", None)),
        total_params=int(model.count_params()),
        trainable_params=trainable,
    )


def _reads_only(layer, source) -> bool:
    """Return True when `layer` takes its input from `source` (in a functional model the layer listed before may be another branch's)."""
    nodes = getattr(layer, "_inbound_nodes", None) or []
    if len(nodes) != 1:
        return len(nodes) == 0  # a Sequential's layers may hold no nodes before it is called
    tensors = getattr(nodes[0], "input_tensors", None) or []
    histories = [getattr(tensor, "_keras_history", None) for tensor in tensors]
    return len(histories) == 1 and histories[0] is not None and histories[0][0] is source


def summarize_layer(layer) -> LayerSummary:
    """Return the LayerSummary of one built Keras layer."""
    config = layer.get_config()
    picked = {key: _normalise(key, config[key]) for key in CONFIG_KEYS if key in config and key != "trainable"}
    if not layer.trainable:
        picked["trainable"] = False
    try:
        output_shape = _shape_of(layer.output)
    except (AttributeError, ValueError):
        output_shape = None
    from kerakit.grading.boundary import plain_config

    params = int(layer.count_params()) if layer.built else 0
    return LayerSummary(layer.__class__.__name__, output_shape, params, picked, layer.name,
                        type(layer).__module__, plain_config(config))


def expected_layers(specs: Iterable[Mapping[str, Any]]) -> tuple[LayerSummary, ...]:
    """Return LayerSummary objects from grader data like `{"class": "Dense", "units": 16, ...}`.

    Keys: `class`, `output_shape`, `params`; every other key is a config value.
    A key left out is not checked.
    """
    layers = []
    for spec in specs:
        config = {k: _normalise(k, v) for k, v in spec.items() if k not in ("class", "output_shape", "params")}
        layers.append(
            LayerSummary(
                spec["class"],
                tuple(spec["output_shape"]) if spec.get("output_shape") is not None else None,
                spec.get("params", -1),
                config,
            )
        )
    return tuple(layers)


@dataclass(frozen=True)
class LayerDifference:
    """The first difference between expected and actual layers."""

    index: int  # 1-based layer number; 0 when the difference is about the whole model
    what: str


@dataclass(frozen=True)
class _ModelDiff:
    """The comparison of a model's summary with the expected layers."""

    expected: tuple[LayerSummary, ...]
    actual: ModelSummary
    first_difference: LayerDifference | None

    def report(self) -> str:
        """Return the layer-by-layer table, expected beside actual, marking the first difference."""
        count = max(len(self.expected), len(self.actual.layers))
        wanted = [self.expected[i].describe() if i < len(self.expected) else "(no layer)" for i in range(count)]
        width = max([len("expected"), *map(len, wanted)])
        rows = [f"  {'#':>2}  {'expected':<{width}}  got"]
        for i, want in enumerate(wanted):
            got = self.actual.layers[i].describe() if i < len(self.actual.layers) else "(no layer)"
            marker = "  <-- first difference" if self.first_difference and self.first_difference.index == i + 1 else ""
            rows.append(f"  {i + 1:>2}  {want:<{width}}  {got}{marker}")
        total_expected = sum(layer.params for layer in self.expected if layer.params >= 0)
        rows.append(f"  total params: expected {total_expected:,}, got {self.actual.total_params:,}")
        return "\n".join(rows)


def assert_architecture(model, expected: Sequence[Mapping[str, Any]], what: str = "the model") -> ModelSummary:
    """Return the model's summary, or raise GradingFailure with a layer-by-layer diff naming the first difference.

    Layers are compared in order: class (Keras's own class, not a look-alike of the
    same name), every config key the expected layer names, output shape and parameter
    count; a key left out of `expected` is not checked.

    Args:
        model: a ModelRecord from student code (or a grader's own keras.Model).
        expected: grader data such as `[{"class": "Dense", "units": 16, "activation": "relu",
            "output_shape": (None, 16), "params": 160016}, ...]`.
        what: how feedback names the model, e.g. "build_imdb_model()".

    Example:
        summary = assert_architecture(imdb.build_imdb_model(), IMDB_LAYERS, "build_imdb_model()")
    """
    actual = _summary_of(model, what)
    wanted = expected_layers(expected)
    if not actual.built and any(layer.output_shape is not None or layer.params > 0 for layer in wanted):
        raise GradingFailure(f"{what} is not built: start it with keras.Input(shape=...) so its shapes are known")
    diff = _ModelDiff(wanted, actual, _first_difference(wanted, actual))
    if diff.first_difference is not None:
        difference = diff.first_difference
        where = f"layer {difference.index}: " if difference.index else ""
        raise GradingFailure(f"{what} differs at {where}{difference.what}\n{diff.report()}")
    return actual


def _summary_of(model, what: str) -> ModelSummary:
    summary = getattr(model, "summary", None)
    if isinstance(summary, ModelSummary):
        return summary
    if isinstance(model, ModelSummary):
        return model
    return summarize_model(model, what)


def _first_difference(expected: tuple[LayerSummary, ...], actual: ModelSummary) -> LayerDifference | None:
    for i, want in enumerate(expected):
        if i >= len(actual.layers):
            return LayerDifference(i + 1, f"expected a {want.class_name} layer, but the model has only {len(actual.layers)} layers")
        got = actual.layers[i]
        if got.class_name != want.class_name:
            return LayerDifference(i + 1, f"expected a {want.class_name} layer, got {got.class_name}")
        if not got.is_keras:
            return LayerDifference(i + 1, f"expected Keras's own {want.class_name} layer (keras.layers.{want.class_name}), "
                                          f"got a class of that name from {got.module}")
        for key, value in want.config.items():
            have = got.config.get(key, True if key == "trainable" else None)
            if have != value:
                return LayerDifference(i + 1, f"{got.class_name} expected {key}={_show(value)}, got {key}={_show(have)}")
        if want.output_shape is not None and not _shape_matches(want.output_shape, got.output_shape):
            return LayerDifference(i + 1, f"{got.class_name} expected output shape {_show(want.output_shape)}, got {_show(got.output_shape)}")
        if want.params >= 0 and got.params >= 0 and got.params != want.params:  # -1: not known (a nested model's layer)
            return LayerDifference(i + 1, f"{got.class_name} expected {want.params:,} parameters, got {got.params:,}")
    if len(actual.layers) > len(expected):
        extra = actual.layers[len(expected)]
        return LayerDifference(len(expected) + 1, f"unexpected extra layer {extra.class_name} (expected {len(expected)} layers)")
    return None


def _shape_matches(want, got) -> bool:
    return want is None or _as_tuple(want) == _as_tuple(got)


def _as_tuple(shape):
    if isinstance(shape, (list, tuple)):
        return tuple(_as_tuple(s) for s in shape)
    return shape


def _shape_of(tensors) -> Any:
    if tensors is None:
        return None
    if isinstance(tensors, (list, tuple)):
        shapes = tuple(_shape_of(t) for t in tensors)
        return shapes[0] if len(shapes) == 1 else shapes
    if isinstance(tensors, dict):
        return tuple(_shape_of(t) for t in tensors.values())
    return tuple(None if d is None else int(d) for d in tensors.shape)


def _count(weight) -> int:
    size = 1
    for d in weight.shape:
        size *= int(d)
    return size


def _normalise(key: str, value: Any) -> Any:
    """Return config values in one comparable form (tuples, regulariser strings)."""
    if isinstance(value, list):
        return tuple(value)
    if key.endswith("_regularizer"):
        return describe_regularizer(value)
    if key == "activation" and isinstance(value, dict):  # a serialised activation function
        return value.get("config", {}).get("name", value.get("class_name"))
    return value


def describe_regularizer(value: Any) -> str | None:
    """Return a regulariser as text such as "l2(0.001)" or "l1_l2(l1=0.001, l2=0.001)"."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        config = value.get("config", {})
        l1, l2 = float(config.get("l1", 0.0)), float(config.get("l2", 0.0))
    else:
        l1, l2 = float(getattr(value, "l1", 0.0)), float(getattr(value, "l2", 0.0))
    l1, l2 = round(l1, 8), round(l2, 8)
    if l1 and l2:
        return f"l1_l2(l1={l1:g}, l2={l2:g})"
    if l1:
        return f"l1({l1:g})"
    if l2:
        return f"l2({l2:g})"
    return "none"


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return str(value)
