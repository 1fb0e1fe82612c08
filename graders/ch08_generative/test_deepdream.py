"""Graders for chapter 8, exercise 3: DeepDream (DLwP §8.2).

The loss and one ascent step are compared with the grader's own computation, on random
activations and on the kit's EfficientNet-Lite0 with a random image. The octave shapes
are compared with the book's formula. Then the whole dream runs on a real photo: the loss
must rise step after step within each octave, at each octave's size in turn (the grader's
network records the sizes it is shown), a PNG is saved, and with a step of 1e-6 the octave
loop must give the photo back (which it does only when the detail lost by shrinking is
re-injected at each octave; a tiny step rather than 0, so that no shortcut for step == 0 helps).
"""

import functools

import numpy as np
import pytest

from kerakit import pretrained
from kerakit.grading import (GradingFailure, expect, expect_array, expect_close, expect_number, expect_png, expect_sequence, expect_value_error,
                             student_module)

deepdream = student_module("deepdream")

# Strides 4, 8 and 16: block8's activation of an 80-pixel image is 5 x 5, 1 x 1 once its 2-pixel border is cropped
# (smaller images leave nothing, and the mean of nothing is NaN), so the images here are at least 80 pixels at every octave.
LAYERS = {"block3_expand_relu": 1.0, "block5_expand_relu": 1.5, "block8_expand_relu": 2.0}
PHOTO_SHAPE = (96, 128)


def grader_dream_loss(activations, layer_weights):
    return sum(weight * float(np.mean(np.square(np.asarray(activations[name], dtype="float64")[:, 2:-2, 2:-2, :])))
               for name, weight in layer_weights.items())



@pytest.mark.points(1)
def test_feature_extractor(deepdream, imagenet_base, rng):
    """feature_extractor maps the base's input to a dict of the named layers' outputs."""
    names = list(rng.choice(["stem_relu", "block2_expand_relu", "block4_expand_relu", "block9_expand_relu"], size=3, replace=False))
    what = f"feature_extractor(base, {names})"
    record = deepdream.feature_extractor(imagenet_base, names)
    expect(hasattr(record, "config"), f"{what} should return a keras.Model")
    config = record.config.get("config", {})
    outputs = config.get("output_layers")
    expect(isinstance(outputs, dict), f"{what} should output a dict {{layer name: activation}}, got {type(outputs).__name__} outputs")
    got = {key: value[0] for key, value in outputs.items()}
    expect(got == {name: name for name in names}, f"{what} should output {{name: that layer's output}} for {names}, got {got}")
    inputs = config.get("input_layers") or []
    if inputs and isinstance(inputs[0], str):  # keras.Model(inputs=base.input, ...) records the one input unwrapped
        inputs = [inputs]
    expect([item[0] for item in inputs] == [imagenet_base.layers[0].name],
           f"{what} should take the base's input ({imagenet_base.layers[0].name!r}), got {[item[0] for item in inputs]}")


@pytest.mark.points(3)
def test_dream_loss(deepdream, rng):
    """dream_loss is the weighted sum of the layers' mean squared activations, 2-pixel borders cropped, on random activations."""
    for _ in range(3):
        batch = int(rng.integers(1, 3))
        names = [f"layer_{i}" for i in range(int(rng.integers(1, 4)))]
        activations = {name: rng.normal(size=(batch, int(rng.integers(6, 14)), int(rng.integers(6, 14)), int(rng.integers(2, 9))))
                       .astype("float32") for name in names}
        activations["not_weighted"] = rng.normal(size=(batch, 8, 8, 3)).astype("float32") * 100
        weights = {name: float(rng.uniform(0.2, 3.0)) for name in names}
        shapes = {name: a.shape for name, a in activations.items()}
        what = f"dream_loss(<activations {shapes}>, {weights})"
        got = expect_number(deepdream.dream_loss(activations, weights), what)
        expect_close(got, grader_dream_loss(activations, weights), what, rtol=1e-4, atol=1e-6)


def grader_ascent(feature_model, image, layer_weights, step):
    import tensorflow as tf

    tensor = tf.convert_to_tensor(image)
    with tf.GradientTape() as tape:
        tape.watch(tensor)
        activations = feature_model(tensor, training=False)
        loss = sum(w * tf.reduce_mean(tf.square(activations[n][:, 2:-2, 2:-2, :])) for n, w in layer_weights.items())
    grads = tape.gradient(loss, tensor).numpy()
    return float(loss), grads / max(float(np.mean(np.abs(grads))), 1e-7)


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_gradient_ascent_step(deepdream, feature_model, rng):
    """gradient_ascent_step returns the loss and the image moved by step times the gradient over its mean magnitude."""
    weights = {name: float(rng.uniform(0.5, 2.0)) for name in LAYERS}
    feature_model = feature_model(list(weights))
    image = rng.uniform(-1, 1, size=(1, int(rng.integers(80, 112)), int(rng.integers(80, 112)), 3)).astype("float32")
    step = float(rng.uniform(0.005, 0.05))
    what = f"gradient_ascent_step(feature_model, <image {image.shape}>, {{3 layers}}, step={step:.4f})"
    loss, new_image = expect_sequence(deepdream.gradient_ascent_step(feature_model, image, weights, step), what, 2, "(loss, new_image)")
    want_loss, want_direction = grader_ascent(feature_model, image, weights, step)
    expect_close(expect_number(loss, f"the loss from {what}"), want_loss, f"the loss from {what}", rtol=1e-3)
    new_image = expect_array(new_image, f"the image from {what}", shape=image.shape, kinds="f")
    direction = (new_image.astype("float64") - image) / step
    expect(np.mean(direction * want_direction) > 0, f"{what} moved the image DOWN the gradient: DeepDream climbs it (image + step * grads)")
    expect_close(direction, want_direction, f"(new_image - image) / step from {what} (the normalised gradient)", rtol=2e-2, atol=2e-2)


@pytest.mark.points(2)
def test_octave_shapes(deepdream, rng):
    """octave_shapes gives int(dim / scale**i) for i = num_octave-1 .. 0, smallest first, for random shapes and scales."""
    cases = [((int(rng.integers(100, 600)), int(rng.integers(100, 600))), int(rng.integers(2, 6)), float(rng.uniform(1.2, 2.0)))
             for _ in range(3)] + [((350, 467), 3, 1.4), ((64, 64), 1, 1.4)]
    for shape, num_octave, scale in cases:
        what = f"octave_shapes({shape}, num_octave={num_octave}, octave_scale={scale:.3f})"
        want = [tuple(int(dim / scale ** i) for dim in shape) for i in range(num_octave)][::-1]
        got = expect_sequence(deepdream.octave_shapes(shape, num_octave, scale), what, num_octave, "(height, width) pairs")
        got = [tuple(int(d) for d in pair) for pair in got]
        expect(got == want, f"{what} should be {want} (int(dim / octave_scale ** i), smallest first), got {got}")


@functools.lru_cache(maxsize=1)
def the_photo():
    """Return the cat photo at PHOTO_SHAPE, float32 0-255, read once and read-only (student code gets copies)."""
    photo = pretrained.resize(pretrained.load_photo("cat"), PHOTO_SHAPE)
    photo.setflags(write=False)
    return photo


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_deep_dream_raises_the_loss(deepdream, feature_model, tmp_path):
    """deep_dream on a photo: the loss rises step after step within each octave, the dream differs from the photo, a PNG is saved."""
    feature_model = feature_model(list(LAYERS), record_sizes=True)  # records the sizes of the images it is shown
    path = tmp_path / "dream.png"
    octaves, iterations = 2, 6
    what = f"deep_dream(feature_model, <cat photo {PHOTO_SHAPE}>, {{3 layers}}, num_octave={octaves}, iterations={iterations}, step=0.02)"
    result = deepdream.deep_dream(feature_model, the_photo(), LAYERS, num_octave=octaves, octave_scale=1.4, iterations=iterations,
                                  step=0.02, path=path)
    dream, losses = expect_sequence(result, what, 2, "(dream, losses)")
    dream = expect_array(dream, f"the dream from {what}", shape=(*PHOTO_SHAPE, 3), kinds="fiu")
    expect(dream.min() >= 0 and dream.max() <= 255, f"the dream from {what} should hold values 0-255, got {dream.min():.1f}..{dream.max():.1f}")
    losses = [float(loss) for loss in losses]
    expect(len(losses) == octaves * iterations, f"{what} should record one loss per ascent step ({octaves * iterations}), got {len(losses)}")
    shapes = [tuple(int(d / 1.4 ** i) for d in PHOTO_SHAPE) for i in range(octaves)][::-1]
    sizes = list(dict.fromkeys(feature_model.sizes))
    expect(sizes == shapes, f"{what} should climb at each octave's size in turn, {shapes}, but the network saw images of {sizes}")
    for octave in range(octaves):
        part = losses[octave * iterations:(octave + 1) * iterations]
        expect(np.all(np.diff(part) > 0), f"{what}: the loss should rise at every step of octave {octave + 1} (gradient ASCENT), "
                                          f"got {np.round(part, 3).tolist()}")
    change = float(np.mean(np.abs(dream - the_photo())))
    expect(change > 1.0, f"the dream from {what} is the photo almost unchanged (mean change {change:.2f} of 255)")
    expect_png(path, what, PHOTO_SHAPE)


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_deep_dream_reinjects_lost_detail(deepdream, feature_model):
    """With a step of 1e-6, deep_dream gives the photo back: the detail lost by shrinking is re-injected at every octave."""
    feature_model = feature_model(list(LAYERS))
    for octaves, scale in ((2, 1.4), (3, 1.2)):
        what = f"deep_dream(feature_model, <cat photo {PHOTO_SHAPE}>, {{3 layers}}, num_octave={octaves}, octave_scale={scale}, iterations=1, step=1e-6)"
        dream, _ = expect_sequence(deepdream.deep_dream(feature_model, the_photo(), LAYERS, num_octave=octaves, octave_scale=scale,
                                                        iterations=1, step=1e-6), what, 2, "(dream, losses)")
        dream = expect_array(dream, f"the dream from {what}", shape=(*PHOTO_SHAPE, 3), kinds="fiu")
        worst = float(np.max(np.abs(dream.astype("float64") - the_photo())))  # 4 of 255 leaves room for uint8 resizing; a blur is tens
        expect(worst < 4.0, f"{what} should give the photo back (nothing to climb), but pixels differ by up to {worst:.1f} of 255: "
                            "after each octave add resize(original, shape) - resize(shrunk original, shape)")



@pytest.mark.points(1)
@pytest.mark.timeout(240)
def test_deep_dream_refuses_bad_input(deepdream, feature_model, nan_feature_model):
    """deep_dream raises a one-line ValueError for a grey image and one too small for its octaves, and stops in one line on a NaN loss."""
    feature_model = feature_model(list(LAYERS))
    grey = the_photo()[..., :1]
    expect_value_error(deepdream.deep_dream, feature_model, grey, LAYERS, num_octave=2, iterations=1,
                       what="deep_dream with a grey (96, 128, 1) image")
    expect_value_error(deepdream.deep_dream, feature_model, the_photo()[:40, :40], LAYERS, num_octave=3, octave_scale=1.4, iterations=1,
                       what="deep_dream with a 40 x 40 image and 3 octaves of 1.4 (the smallest is 20 x 20: under 32)")
    what = "deep_dream with a feature model whose activations are NaN"
    try:
        deepdream.deep_dream(nan_feature_model, the_photo(), {"broken": 1.0}, num_octave=1, iterations=2, step=0.01)
    except (ValueError, ArithmeticError) as error:
        message = str(error).strip()
        expect(message and "\n" not in message, f"{what} should stop with a one-line message, got {len(message.splitlines())} lines")
        return
    except (GradingFailure, NotImplementedError):
        raise
    except Exception as error:
        raise GradingFailure(f"{what} should raise FloatingPointError (or ValueError), it raised {type(error).__name__}") from None
    raise GradingFailure(f"{what} should raise FloatingPointError naming the step, it returned normally (check np.isfinite(loss))")
