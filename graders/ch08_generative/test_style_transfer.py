"""Graders for chapter 8, exercise 4: neural style transfer (DLwP §8.3).

Each loss is compared with the grader's own on random activations and images (the Gram
matrix against its definition, entry by entry; total variation zero on a constant image),
the total loss on the kit's EfficientNet-Lite0 with random images and weights, and then a
short run on two real photos must lower the total loss step after step and save a PNG.
"""

import numpy as np
import pytest

from kerakit import pretrained
from kerakit.grading import (GradingFailure, expect, expect_array, expect_close, expect_number, expect_png, expect_sequence, expect_value_error,
                             student_module)

style_transfer = student_module("style_transfer")

CONTENT_LAYER = "block11_expand_relu"
STYLE_LAYERS = ["stem_relu", "block1_expand_relu", "block3_expand_relu", "block5_expand_relu"]
IMAGE_SHAPE = (64, 80)



def grader_gram(x):
    x = np.asarray(x, dtype="float64")
    channels = x.shape[-1]
    gram = np.zeros((channels, channels))
    for i in range(channels):
        for j in range(channels):
            gram[i, j] = np.sum(x[..., i] * x[..., j])  # channels i and j firing together, summed over positions
    return gram


def grader_style_loss(style, combination, height, width):
    return float(np.sum(np.square(grader_gram(style) - grader_gram(combination))) / (4.0 * 9 * (height * width) ** 2))


def grader_total_variation(x):
    x = np.asarray(x, dtype="float64")
    a = np.square(x[:, :-1, :-1, :] - x[:, 1:, :-1, :])
    b = np.square(x[:, :-1, :-1, :] - x[:, :-1, 1:, :])
    return float(np.sum((a + b) ** 1.25))


@pytest.mark.points(1)
def test_content_loss(style_transfer, rng):
    """content_loss is the sum of squared differences, on random activations."""
    shape = (int(rng.integers(3, 9)), int(rng.integers(3, 9)), int(rng.integers(2, 16)))
    base, combination = rng.normal(size=shape).astype("float32"), rng.normal(size=shape).astype("float32")
    what = f"content_loss(<{shape}>, <{shape}>)"
    expect_close(expect_number(style_transfer.content_loss(base, combination), what),
                 float(np.sum(np.square(combination.astype("float64") - base))), what, rtol=1e-4)


@pytest.mark.points(3)
def test_gram_matrix(style_transfer, rng):
    """gram_matrix(x)[i, j] is the sum over positions of channel i times channel j, on random feature maps."""
    for _ in range(3):
        shape = (int(rng.integers(2, 12)), int(rng.integers(2, 12)), int(rng.integers(2, 9)))
        x = rng.normal(size=shape).astype("float32")
        what = f"gram_matrix(<random {shape}>)"
        gram = expect_array(style_transfer.gram_matrix(x), what, shape=(shape[2], shape[2]), kinds="f")
        expect_close(gram, grader_gram(x), what, rtol=1e-4, atol=1e-4)


@pytest.mark.points(2)
def test_style_loss(style_transfer, rng):
    """style_loss is sum(square(gram(style) - gram(combination))) / (4 * 3**2 * (height * width)**2), on random activations."""
    for _ in range(2):
        shape = (int(rng.integers(3, 10)), int(rng.integers(3, 10)), int(rng.integers(2, 9)))
        height, width = int(rng.integers(20, 200)), int(rng.integers(20, 200))
        style, combination = rng.normal(size=shape).astype("float32"), rng.normal(size=shape).astype("float32")
        what = f"style_loss(<{shape}>, <{shape}>, img_height={height}, img_width={width})"
        expect_close(expect_number(style_transfer.style_loss(style, combination, height, width), what),
                     grader_style_loss(style, combination, height, width), what, rtol=1e-4, atol=0)


@pytest.mark.points(2)
def test_total_variation_loss(style_transfer, rng):
    """total_variation_loss matches the book's formula on random images and is zero on a constant one."""
    for _ in range(2):
        height, width = int(rng.integers(4, 20)), int(rng.integers(4, 20))
        x = rng.uniform(-1, 1, size=(1, height, width, 3)).astype("float32")
        what = f"total_variation_loss(<random (1, {height}, {width}, 3)>, {height}, {width})"
        expect_close(expect_number(style_transfer.total_variation_loss(x, height, width), what), grader_total_variation(x), what, rtol=1e-4)
    constant = np.full((1, 9, 7, 3), 0.3, dtype="float32")
    what = "total_variation_loss(<constant (1, 9, 7, 3)>, 9, 7)"
    expect(abs(expect_number(style_transfer.total_variation_loss(constant, 9, 7), what)) < 1e-6, f"{what} should be 0: neighbours are equal")


def grader_total_loss(feature_model, combination, base, style, content_weight, style_weight, tv_weight):
    features = {name: np.asarray(value, dtype="float64")
                for name, value in feature_model(np.concatenate([base, style, combination]), training=False).items()}
    height, width = base.shape[1:3]
    loss = content_weight * float(np.sum(np.square(features[CONTENT_LAYER][2] - features[CONTENT_LAYER][0])))
    for name in STYLE_LAYERS:
        loss += style_weight / len(STYLE_LAYERS) * grader_style_loss(features[name][1], features[name][2], height, width)
    return loss + tv_weight * grader_total_variation(combination)


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_compute_loss(style_transfer, feature_model, rng):
    """compute_loss adds the weighted content, style (averaged over the style layers) and total variation losses, on random images."""
    feature_model = feature_model([CONTENT_LAYER, *STYLE_LAYERS])
    shape = (1, int(rng.integers(64, 96)), int(rng.integers(64, 96)), 3)
    base, style, combination = (rng.uniform(-1, 1, size=shape).astype("float32") for _ in range(3))
    weights = {"content_weight": float(rng.uniform(1e-4, 1e-2)), "style_weight": float(rng.uniform(0.5, 5.0)),
               "total_variation_weight": float(rng.uniform(1e-4, 1e-2))}
    what = f"compute_loss(feature_model, <3 random images {shape}>, content_layer={CONTENT_LAYER!r}, <{len(STYLE_LAYERS)} style layers>, " \
           + ", ".join(f"{key}={value:.3g}" for key, value in weights.items()) + ")"
    got = expect_number(style_transfer.compute_loss(feature_model, combination, base, style, content_layer=CONTENT_LAYER,
                                                style_layers=STYLE_LAYERS, **weights), what)
    expect_close(got, grader_total_loss(feature_model, combination, base, style, *weights.values()), what, rtol=2e-3)


def photos():
    return pretrained.resize(pretrained.load_photo("astronaut"), IMAGE_SHAPE), pretrained.load_photo("flower")


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_style_transfer_lowers_the_loss(style_transfer, feature_model, tmp_path):
    """style_transfer on two photos of different sizes lowers the total loss step after step and saves the image as a PNG."""
    feature_model = feature_model([CONTENT_LAYER, *STYLE_LAYERS])
    base, style = photos()
    path = tmp_path / "styled.png"
    iterations = 8
    what = (f"style_transfer(feature_model, <astronaut {IMAGE_SHAPE}>, <flower {style.shape[:2]}>, iterations={iterations}, "
            f"learning_rate=0.02, content_layer={CONTENT_LAYER!r}, style_layers=<{len(STYLE_LAYERS)} layers>)")
    result = style_transfer.style_transfer(feature_model, base, style, iterations=iterations, learning_rate=0.02, path=path,
                                           content_layer=CONTENT_LAYER, style_layers=STYLE_LAYERS)
    image, losses = expect_sequence(result, what, 2, "(image, losses)")
    image = expect_array(image, f"the image from {what}", shape=(*IMAGE_SHAPE, 3), kinds="fiu")
    expect(image.min() >= 0 and image.max() <= 255, f"the image from {what} should hold values 0-255, got {image.min():.1f}..{image.max():.1f}")
    losses = [float(loss) for loss in losses]
    expect(len(losses) == iterations, f"{what} should record the loss of each of the {iterations} steps, got {len(losses)}")
    expect(np.all(np.diff(losses) < 0), f"{what}: the total loss should fall at every step (gradient DESCENT on the image), "
                                        f"got {np.round(losses, 3).tolist()}")
    change = float(np.mean(np.abs(image - base)))
    expect(change > 0.5, f"the image from {what} is the base photo almost unchanged (mean change {change:.2f} of 255)")
    expect_png(path, what, IMAGE_SHAPE)


@pytest.mark.points(1)
@pytest.mark.timeout(240)
def test_style_transfer_refuses_bad_images(style_transfer, feature_model, nan_feature_model):
    """style_transfer raises a one-line ValueError for a grey image and one under 32 x 32, and stops in one line on a NaN loss."""
    feature_model = feature_model([CONTENT_LAYER, *STYLE_LAYERS])
    base, style = photos()
    settings = {"iterations": 1, "content_layer": CONTENT_LAYER, "style_layers": STYLE_LAYERS}
    expect_value_error(style_transfer.style_transfer, feature_model, base[..., :1], style, **settings,
                       what="style_transfer with a grey (64, 80, 1) base image")
    expect_value_error(style_transfer.style_transfer, feature_model, base[:20, :20], style, **settings,
                       what="style_transfer with a 20 x 20 base image (the network needs 32 x 32)")
    what = "style_transfer with a feature model whose activations are NaN"
    try:
        style_transfer.style_transfer(nan_feature_model, base, style, iterations=2, content_layer="broken", style_layers=["broken"])
    except (ValueError, ArithmeticError) as error:
        message = str(error).strip()
        expect(message and "\n" not in message, f"{what} should stop with a one-line message, got {len(message.splitlines())} lines")
        return
    except (GradingFailure, NotImplementedError):
        raise
    except Exception as error:
        raise GradingFailure(f"{what} should raise FloatingPointError (or ValueError), it raised {type(error).__name__}") from None
    raise GradingFailure(f"{what} should raise FloatingPointError naming the step, it returned normally (check np.isfinite(loss))")

