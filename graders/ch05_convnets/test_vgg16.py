"""Graders for chapter 5, exercise 9: VGG16 from scratch, functional and Sequential (seed 003 §4). Architecture only, no training."""

import pytest

from kerakit.grading import assert_architecture, expect, student_module

vgg16 = student_module("ch05_convnets", "vgg16")

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


def check_vgg16(model, what):
    import keras

    layers, names = vgg16_layers()
    summary = assert_architecture(model, layers, what=what)
    expect(summary.total_params == TOTAL_PARAMS, f"{what} should have {TOTAL_PARAMS:,} parameters, got {summary.total_params:,}")
    got = [layer.name for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    for index, (want, have) in enumerate(zip(names, got), start=1):
        expect(want == have, f"{what}: layer {index} should be named {want!r} as in the book, got {have!r}")


@pytest.mark.points(4)
@pytest.mark.timeout(180)
def test_vgg16_functional(vgg16):
    """build_vgg16_functional is VGG16 with the book's layer names: 138,357,544 parameters."""
    import keras

    model = vgg16.build_vgg16_functional()
    expect(isinstance(model, keras.Model) and not isinstance(model, keras.Sequential),
           f"build_vgg16_functional() should build a functional keras.Model (keras.Model(inputs, outputs)), got {type(model).__name__}")
    check_vgg16(model, "build_vgg16_functional()")


@pytest.mark.points(4)
@pytest.mark.timeout(180)
def test_vgg16_sequential(vgg16):
    """build_vgg16_sequential is the same VGG16 as a keras.Sequential."""
    import keras

    model = vgg16.build_vgg16_sequential()
    expect(isinstance(model, keras.Sequential), f"build_vgg16_sequential() should return a keras.Sequential, got {type(model).__name__}")
    check_vgg16(model, "build_vgg16_sequential()")
