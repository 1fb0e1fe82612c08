"""Graders for chapter 5, exercise 8: intermediate activations, filter patterns and Grad-CAM (DLwP §5.4)."""

import numpy as np
import pytest

from kerakit import pretrained
from kerakit.grading import fresh_model, GradingFailure, expect, expect_sequence, expect_array, expect_close, student_module

visualisation = student_module("visualisation")

MNIST_SHAPES = [(26, 26, 32), (13, 13, 32), (11, 11, 64), (5, 5, 64), (3, 3, 64)]


def grader_mnist_convnet():
    import keras
    from keras import layers

    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, activation="relu"), layers.Flatten(),
        layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax"),
    ])


def grader_grad_cam(model, images, layer_name, class_index):
    import keras
    import tensorflow as tf

    both = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        feature_map, predictions = both(tf.convert_to_tensor(images), training=False)
        score = predictions[:, class_index]
    gradients = tape.gradient(score, feature_map)
    heatmap = np.maximum(np.sum(feature_map[0].numpy() * gradients[0].numpy().mean(axis=(0, 1)), axis=-1), 0)
    return heatmap / heatmap.max()


def png_size(path, what):
    from PIL import Image

    try:
        with Image.open(path) as picture:
            expect(picture.format == "PNG", f"{what} should write a PNG file, got {picture.format}")
            return picture.size
    except (FileNotFoundError, OSError) as error:
        raise GradingFailure(f"{what} should write a PNG to {path}: {error}") from error


@pytest.mark.points(3)
def test_activation_model(visualisation, rng):
    """activation_model returns the first N conv/pool activations with the right shapes and values."""
    model = grader_mnist_convnet()
    images = rng.uniform(size=(3, 28, 28, 1)).astype("float32")
    for n in (4, 8):
        what = f"activation_model(<MNIST convnet>, n={n})"
        outputs = fresh_model(visualisation.activation_model(model, n=n), what, recorded_weights=True).predict(images, verbose=0)
        outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
        expected_shapes = MNIST_SHAPES[:n]
        got_shapes = [tuple(np.shape(o)[1:]) for o in outputs]
        expect(got_shapes == expected_shapes, f"{what} should output {expected_shapes} (conv and pooling layers only), got {got_shapes}")
    import keras

    first = keras.Model(model.inputs, model.layers[0].output).predict(images, verbose=0)
    expect_close(np.asarray(outputs[0]), first, f"the first activation from {what}", rtol=1e-4, atol=1e-5)


@pytest.mark.points(1)
def test_save_activation_grid(visualisation, rng, tmp_path):
    """save_activation_grid tiles the channels into a PNG of rows x columns channel images."""
    activation = rng.uniform(size=(5, 6, 10)).astype("float32")
    path = tmp_path / "activations.png"
    visualisation.save_activation_grid(activation, path, columns=4)
    size = png_size(path, "save_activation_grid(<5 x 6 x 10>, path, columns=4)")
    expect(size == (24, 15), f"10 channels of 5 x 6 in 4 columns make 3 rows: a 24 x 15 (width x height) image, got {size[0]} x {size[1]}")


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_filter_visualisation_raises_the_activation(visualisation, rng, tmp_path):
    """visualise_filter climbs the gradient: the filter's mean activation rises over the steps; the pattern is saved as a PNG."""
    base = pretrained.load_base((48, 48, 3))
    filter_index = int(rng.integers(0, 40))
    path = tmp_path / "filter.png"
    what = f"visualise_filter(base, 'block3_project_conv', {filter_index}, size=48, steps=12)"
    result = visualisation.visualise_filter(base, "block3_project_conv", filter_index, size=48, steps=12, path=path)
    result = expect_sequence(result, f"{what}", 2, "(image, activations)")
    image, activations = result
    expect_array(image, f"the image from {what}", shape=(48, 48, 3), kinds="u")
    activations = [float(a) for a in activations]
    expect(len(activations) == 12, f"{what} should record one activation per step (12), got {len(activations)}")
    expect(activations[-1] > activations[0] and np.mean(np.diff(activations) > 0) >= 0.75,
           f"{what}: the mean activation should rise step after step (gradient ASCENT), got {np.round(activations, 3).tolist()}")
    expect(png_size(path, what) == (48, 48), f"{what} should save the 48 x 48 pattern at path")


@pytest.mark.points(4)
@pytest.mark.timeout(240)
def test_grad_cam(visualisation, imagenet_model):
    """grad_cam gives a (7, 7) heatmap in [0, 1] whose hottest cell lies on the object, matching the grader's Grad-CAM."""
    for name, class_index in (("cat", None), ("coffee", 967)):
        photo = pretrained.load_photo(name)
        images = pretrained.preprocess_input(pretrained.resize(photo, (224, 224))[None])
        what = f"grad_cam(model, <{name} photo>, 'top_relu'{'' if class_index is None else f', class_index={class_index}'})"
        heatmap = expect_array(visualisation.grad_cam(imagenet_model, images, "top_relu", class_index=class_index), what, shape=(7, 7), kinds="f")
        expect(heatmap.min() >= 0 and np.isclose(heatmap.max(), 1.0, atol=1e-4),
               f"{what} should hold values in [0, 1] with maximum 1 (ReLU, then divide by the maximum), got {heatmap.min():.3f}..{heatmap.max():.3f}")
        top = int(np.argmax(imagenet_model.predict(images, verbose=0)[0])) if class_index is None else class_index
        expected = grader_grad_cam(imagenet_model, images, "top_relu", top)
        correlation = float(np.corrcoef(heatmap.ravel(), expected.ravel())[0, 1])
        expect(correlation > 0.95, f"{what} differs from Grad-CAM (correlation {correlation:.2f} with the grader's heatmap): "
                                   "weigh the channels by the gradients averaged over height and width")
        row, column = np.unravel_index(int(np.argmax(heatmap)), heatmap.shape)
        top_pixel, left, bottom, right = pretrained.OBJECT_BOXES[name]
        height, width = photo.shape[:2]
        centre_y, centre_x = (row + 0.5) * height / 7, (column + 0.5) * width / 7
        expect(top_pixel <= centre_y <= bottom and left <= centre_x <= right,
               f"{what}: the hottest cell ({row}, {column}) is not on the {name}")


@pytest.mark.points(1)
def test_save_heatmap_overlay(visualisation, rng, tmp_path):
    """save_heatmap_overlay writes the photo with the heatmap on top as a PNG of the photo's size."""
    photo = pretrained.load_photo("cat")
    path = tmp_path / "cam.png"
    visualisation.save_heatmap_overlay(photo, rng.uniform(size=(7, 7)).astype("float32"), path)
    size = png_size(path, "save_heatmap_overlay(cat, heatmap, path)")
    expect(size == (photo.shape[1], photo.shape[0]), f"the overlay should be {photo.shape[1]} x {photo.shape[0]} like the photo, got {size[0]} x {size[1]}")
