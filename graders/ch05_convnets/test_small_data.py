"""Graders for chapter 5, exercise 4: a small convnet from scratch overfits; augmentation + dropout help (DLwP §5.2)."""

import numpy as np
import pytest

from kerakit.grading import HIGHER, fresh_model, Budget, accuracy_of, assert_architecture, assert_compiled_with, expect, student_module, train_within_budget

small_data = student_module("small_data")

# The book trains 30 epochs without and 100 epochs with augmentation (batch 20 or 32); scaled down here.
PLAIN_BUDGET = Budget(epochs=20, batch_size=32)
AUGMENTED_BUDGET = Budget(epochs=60, batch_size=32)


def small_convnet_layers(dropout):
    layers = [
        {"class": "Rescaling", "output_shape": (None, 32, 32, 3), "params": 0},
        {"class": "Conv2D", "filters": 16, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 30, 30, 16), "params": 448},
        {"class": "MaxPooling2D", "output_shape": (None, 15, 15, 16), "params": 0},
        {"class": "Conv2D", "filters": 32, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 13, 13, 32), "params": 4640},
        {"class": "MaxPooling2D", "output_shape": (None, 6, 6, 32), "params": 0},
        {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 4, 4, 64), "params": 18496},
        {"class": "MaxPooling2D", "output_shape": (None, 2, 2, 64), "params": 0},
        {"class": "Flatten", "output_shape": (None, 256), "params": 0},
    ]
    if dropout:
        layers.append({"class": "Dropout", "rate": dropout, "params": 0})
    layers += [
        {"class": "Dense", "units": 512, "activation": "relu", "output_shape": (None, 512), "params": 131584},
        {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1), "params": 513},
    ]
    return layers


def grader_augmentation():
    """Return the grader's augmentation (the book's ranges), so this exercise does not depend on exercise 3."""
    import keras
    from keras import layers

    return keras.Sequential([layers.RandomRotation(40 / 360), layers.RandomTranslation(0.2, 0.2),
                             layers.RandomZoom(0.2), layers.RandomFlip("horizontal")], name="grader_augmentation")


def train_plain(small_data, data, shared):
    """Return (train accuracy, validation accuracy) of the plain model, trained once for this module's tests."""
    def measure():
        model = train_within_budget(small_data.build_small_convnet(), (data["x_train"], data["y_train"]), PLAIN_BUDGET,
                                    what="build_small_convnet()").model
        return accuracy_of(model, data["x_train"], data["y_train"]), accuracy_of(model, data["x_val"], data["y_val"])
    return shared.get("plain", measure)


def train_augmented(small_data, data, shared):
    """Return (train accuracy, validation accuracy) of the augmentation + Dropout(0.5) model, trained once for this module's tests.

    It starts from the plain model's initial weights (the same layers), so the lift over
    the plain model measures augmentation and dropout, not a luckier initialisation.
    """
    def measure():
        plain_start = [np.array(w) for w in fresh_model(small_data.build_small_convnet(), "build_small_convnet()").trainable_weights]
        model = train_within_budget(small_data.build_small_convnet(augmentation=grader_augmentation(), dropout=0.5),
                                    (data["x_train"], data["y_train"]), AUGMENTED_BUDGET,
                                    what="build_small_convnet(augmentation=..., dropout=0.5)", initial_weights=plain_start).model
        return accuracy_of(model, data["x_train"], data["y_train"]), accuracy_of(model, data["x_val"], data["y_val"])
    return shared.get("augmented", measure)


@pytest.mark.points(2)
def test_small_convnet_architecture(small_data):
    """build_small_convnet is Rescaling -> 3 x (Conv2D + MaxPooling2D) 16/32/64 -> Flatten -> Dense(512) -> Dense(1): 155,681 parameters."""
    model = small_data.build_small_convnet()
    summary = assert_architecture(model, small_convnet_layers(0), what="build_small_convnet()")
    expect(summary.total_params == 155681, f"build_small_convnet() should have 155,681 parameters, got {summary.total_params:,}")
    assert_compiled_with(model, "build_small_convnet()", optimizer="Adam", loss="binary_crossentropy", metric="accuracy")


@pytest.mark.points(2)
def test_small_convnet_with_augmentation_and_dropout(small_data):
    """build_small_convnet(augmentation, dropout=0.5) puts the augmentation first and Dropout(0.5) after Flatten."""
    pipeline = grader_augmentation()
    model = small_data.build_small_convnet(augmentation=pipeline, dropout=0.5)
    what = "build_small_convnet(augmentation=..., dropout=0.5)"
    layers = model.layers
    expect(len(layers) > 0 and layers[0].name == pipeline.name,
           f"{what}: the first layer should be the augmentation it was given (so it runs only in training), "
           f"got {layers[0].class_name + ' ' + repr(layers[0].name) if layers else 'no layers'}")
    expected = [{"class": "Sequential", "output_shape": (None, 32, 32, 3), "params": 0}] + small_convnet_layers(0.5)
    assert_architecture(model, expected, what=what)


@pytest.mark.points(3)
@pytest.mark.timeout(300)
def test_plain_convnet_overfits(small_data, small_images, shared, floors):
    """From scratch on 600 images, the plain model learns the task but overfits: training accuracy far above validation."""
    train_accuracy, val_accuracy = train_plain(small_data, small_images, shared)
    floors.check("small_data_val_accuracy_plain", val_accuracy,
                 f"validation accuracy of the plain model after {PLAIN_BUDGET.describe()} on 600 images", HIGHER)
    floors.check("small_data_overfit_gap", train_accuracy - val_accuracy,
                 f"training minus validation accuracy of the plain model after {PLAIN_BUDGET.describe()}", HIGHER)


@pytest.mark.points(3)
@pytest.mark.timeout(400)
def test_augmented_convnet_generalises(small_data, small_images, shared, floors):
    """With augmentation + Dropout(0.5), the same small data gives a much higher validation accuracy."""
    _, val_accuracy = train_augmented(small_data, small_images, shared)
    floors.check("small_data_val_accuracy_augmented", val_accuracy,
                 f"validation accuracy with augmentation + Dropout(0.5) after {AUGMENTED_BUDGET.describe()} on 600 images", HIGHER)


@pytest.mark.points(2)
@pytest.mark.timeout(600)
def test_augmentation_and_dropout_lift_validation_accuracy(small_data, small_images, shared, floors):
    """The book's claim, measured: augmentation + dropout lift validation accuracy over the plain model on the same data."""
    _, plain = train_plain(small_data, small_images, shared)
    _, augmented = train_augmented(small_data, small_images, shared)
    lift = augmented - plain
    floors.check("small_data_lift", lift,
                 "validation accuracy with augmentation + dropout minus without, same 600 images", HIGHER, bound=0.0)
