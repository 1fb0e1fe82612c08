"""Graders for chapter 5, exercise 9: VGG16 from scratch, functional and Sequential (seed 003 §4). Architecture only, no training."""

import pytest

from kerakit.grading import ModelRecord, assert_architecture, expect, student_module

vgg16 = student_module("vgg16")

TOTAL_PARAMS = 138_357_544


def vgg16_layers(size=224, num_classes=1000):
    """Return the expected layers of VGG16 and their names, as in keras.applications.VGG16."""
    layers, names, channels = [], [], 3
    for block, (convolutions, filters) in enumerate(((2, 64), (2, 128), (3, 256), (3, 512), (3, 512)), start=1):
        for conv in range(1, convolutions + 1):
            layers.append({"class": "Conv2D", "filters": filters, "kernel_size": (3, 3), "padding": "same", "activation": "relu",
                           "output_shape": (None, size, size, filters), "params": 9 * channels * filters + filters})
            names.append(f"block{block}_conv{conv}")
            channels = filters
        size //= 2
        layers.append({"class": "MaxPooling2D", "pool_size": (2, 2), "strides": (2, 2), "output_shape": (None, size, size, channels), "params": 0})
        names.append(f"block{block}_pool")
    flat = size * size * channels
    layers += [
        {"class": "Flatten", "output_shape": (None, flat), "params": 0},
        {"class": "Dense", "units": 4096, "activation": "relu", "output_shape": (None, 4096), "params": flat * 4096 + 4096},
        {"class": "Dense", "units": 4096, "activation": "relu", "output_shape": (None, 4096), "params": 4096 * 4096 + 4096},
        {"class": "Dense", "units": num_classes, "activation": "softmax", "output_shape": (None, num_classes), "params": 4096 * num_classes + num_classes},
    ]
    names += ["flatten", "fc1", "fc2", "predictions"]
    return layers, names


GRADED_SIZE, GRADED_CLASSES = 32, 10  # built small: 33.6M parameters instead of 138M keep grading under 1 GB


def build_in_float16(builder, **arguments):
    """Return the builder's model built under Keras's float16 dtype policy: half the memory; nothing here is trained."""
    import keras

    previous = keras.config.dtype_policy()
    keras.config.set_dtype_policy("float16")
    try:
        return builder(**arguments)
    finally:
        keras.config.set_dtype_policy(previous)


def check_vgg16(builder, what):
    """Check a VGG16 builder's defaults (224 x 224 x 3, 1000 classes) and, built at 32 x 32, every layer and its name.

    Every layer's parameters follow the same formula at any input size, so a model that
    matches layer by layer at 32 x 32 has the grader's 138,357,544 parameters at 224 x 224.
    """
    defaults = builder.defaults
    expect(defaults.get("input_shape") in ((224, 224, 3), [224, 224, 3]) and defaults.get("num_classes") == 1000,
           f"{what} should default to input_shape=(224, 224, 3) and num_classes=1000, got {defaults}")
    model = build_in_float16(builder, input_shape=(GRADED_SIZE, GRADED_SIZE, 3), num_classes=GRADED_CLASSES)
    layers, names = vgg16_layers(GRADED_SIZE, GRADED_CLASSES)
    shown = f"{what.removesuffix('()')}(input_shape=({GRADED_SIZE}, {GRADED_SIZE}, 3), num_classes={GRADED_CLASSES})"
    summary = assert_architecture(model, layers, what=shown)
    got = [layer.name for layer in summary.layers]
    for index, (want, have) in enumerate(zip(names, got), start=1):
        expect(want == have, f"{what}: layer {index} should be named {want!r} as in the book, got {have!r}")
    return model


@pytest.mark.points(4)
@pytest.mark.timeout(180)
def test_vgg16_functional(vgg16):
    """build_vgg16_functional is VGG16 with the book's layer names: 138,357,544 parameters at 224 x 224."""
    what = "build_vgg16_functional()"
    model = check_vgg16(vgg16.build_vgg16_functional, what)
    expect(isinstance(model, ModelRecord) and model.class_name == "Functional" and model.module.startswith("keras"),
           f"{what} should build a functional keras.Model (keras.Model(inputs, outputs)), got {model.class_name}")


@pytest.mark.points(4)
@pytest.mark.timeout(180)
def test_vgg16_sequential(vgg16):
    """build_vgg16_sequential is the same VGG16 as a keras.Sequential."""
    what = "build_vgg16_sequential()"
    model = check_vgg16(vgg16.build_vgg16_sequential, what)
    expect(model.class_name == "Sequential" and model.module.startswith("keras"),
           f"{what} should return a keras.Sequential, got {model.class_name}")
