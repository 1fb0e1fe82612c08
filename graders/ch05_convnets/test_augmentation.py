"""Graders for chapter 5, exercise 3: augmentation with preprocessing layers, feature-wise statistics, ZCA (DLwP §5.2.5; seed 003 §2)."""

import numpy as np
import pytest

from kerakit.grading import GradingFailure, ModelRecord, fresh_model, expect, expect_sequence, expect_array, expect_close, student_module

augmentation = student_module("augmentation")

# layer class -> the config values the book's ranges give (rotation as a fraction of a turn)
EXPECTED_RANGES = {
    "RandomRotation": {"factor": 40 / 360},
    "RandomTranslation": {"height_factor": 0.2, "width_factor": 0.2},
    "RandomZoom": {"height_factor": 0.2},
    "RandomFlip": {"mode": "horizontal"},
}


def symmetric_range(value):
    """Return the (low, high) range a preprocessing layer's factor stands for."""
    if isinstance(value, (list, tuple)):
        return float(value[0]), float(value[1])
    return -float(value), float(value)


def layers_of(pipeline, what):
    """Return the layer summaries of a pipeline the student returned, each Keras's own class."""
    expect(isinstance(pipeline, ModelRecord), f"{what} should return a keras.Sequential of preprocessing layers, got {type(pipeline).__name__}")
    for layer in pipeline.layers:
        expect(layer.is_keras, f"{what} should use Keras's own preprocessing layers, got {layer.class_name} from {layer.module}")
    return list(pipeline.layers)


def grader_augmentation():
    """Return the grader's own pipeline with the book's ranges (for exercises that only use one)."""
    import keras
    from keras import layers

    return keras.Sequential([layers.RandomRotation(40 / 360), layers.RandomTranslation(0.2, 0.2),
                             layers.RandomZoom(0.2), layers.RandomFlip("horizontal")])


@pytest.mark.points(2)
def test_augmentation_layers(augmentation, rng):
    """build_augmentation has rotation, shift, zoom and horizontal-flip layers with the book's ranges."""
    what = "build_augmentation()"
    found = {layer.class_name: layer.full_config for layer in layers_of(augmentation.build_augmentation(), what)}
    for class_name, settings in EXPECTED_RANGES.items():
        expect(class_name in found, f"{what} should contain a {class_name} layer; it has {', '.join(found) or 'no layers'}")
        for key, value in settings.items():
            got = found[class_name].get(key)
            if key == "mode":
                expect(got == value, f"{what}: {class_name} should use mode={value!r} (a left-right mirror only), got {got!r}")
                continue
            low, high = symmetric_range(got)
            expect(np.isclose(low, -value, atol=1e-3) and np.isclose(high, value, atol=1e-3),
                   f"{what}: {class_name} {key} should cover -{value:.3g}..{value:.3g}"
                   f"{' (40 degrees as a fraction of 360)' if class_name == 'RandomRotation' else ''}, got {low:.3g}..{high:.3g}")
    extra = sorted(set(found) - set(EXPECTED_RANGES))
    expect(not extra, f"{what} should hold only the four book augmentations, it also has {', '.join(extra)}")
    unfixed = [name for name, config in found.items() if config.get("seed") is not None]
    expect(not unfixed, f"{what} (seed=None) should leave the random layers unseeded, but {', '.join(unfixed)} have a fixed seed")
    seed = int(rng.integers(1, 10_000))
    seeded = {layer.class_name: layer.full_config.get("seed") for layer in layers_of(augmentation.build_augmentation(seed=seed), what)}
    wrong = [name for name, got in seeded.items() if got != seed]
    expect(not wrong, f"build_augmentation(seed={seed}) should pass the seed to every random layer; {', '.join(wrong)} got "
                      f"{[seeded[name] for name in wrong]}")


@pytest.mark.points(2)
def test_augmentation_only_in_training(augmentation, rng):
    """The pipeline changes images only with training=True and keeps their shape; inference leaves them untouched."""
    import keras

    what = "build_augmentation()"
    record = augmentation.build_augmentation()
    layers_of(record, what)
    pipeline = fresh_model(record, what, recorded_weights=True)
    images = rng.uniform(0, 255, size=(6, 40, 40, 3)).astype("float32")
    unchanged = expect_array(keras.ops.convert_to_numpy(pipeline(images, training=False)), "augmentation(x, training=False)", shape=images.shape)
    expect_close(unchanged, images, "augmentation(x, training=False) (validation images must never be augmented)", atol=1e-3)
    changed = expect_array(keras.ops.convert_to_numpy(pipeline(images, training=True)), "augmentation(x, training=True)", shape=images.shape)
    expect(not np.allclose(changed, images, atol=1e-3), "augmentation(x, training=True) returned the images unchanged: nothing is random")
    model = keras.Sequential([keras.Input(shape=(40, 40, 3)), pipeline])
    expect_close(model.predict(images, verbose=0), images, "model.predict through the augmentation (inference must not augment)", atol=1e-3)


@pytest.mark.points(2)
def test_featurewise_standardize(augmentation, rng):
    """featurewise_standardize uses the training set's per-channel mean and std for both sets."""
    x_train = rng.normal(loc=[10, 100, 200], scale=[2, 20, 50], size=(30, 8, 8, 3)).astype("float32")
    x_other = rng.normal(loc=[50, 0, 100], scale=[5, 5, 5], size=(12, 8, 8, 3)).astype("float32")
    mean, std = x_train.mean(axis=(0, 1, 2)), x_train.std(axis=(0, 1, 2))
    result = augmentation.featurewise_standardize(x_train, x_other)
    result = expect_sequence(result, "featurewise_standardize", 2, "(train_scaled, other_scaled)")
    train_scaled, other_scaled = result
    expect_close(train_scaled, (x_train - mean) / std, "the scaled training images", rtol=1e-3, atol=1e-3)
    expect_close(other_scaled, (x_other - mean) / std,
                 "the scaled other images (they must use the TRAINING mean and std, per channel)", rtol=1e-3, atol=1e-3)


@pytest.mark.points(3)
def test_zca_whitening(augmentation, rng):
    """fit_zca / apply_zca whiten the training data to a near-identity covariance, the ZCA way."""
    count, side = 400, 5
    base = rng.normal(size=(count, side, side, 1))
    images = (base + np.roll(base, 1, axis=1) + 0.5 * np.roll(base, 1, axis=2) + 3.0).astype("float32")  # correlated pixels
    result = augmentation.fit_zca(images)
    result = expect_sequence(result, "fit_zca(x)", 2, "(mean, whitening)")
    mean, whitening = (np.asarray(part, dtype="float64") for part in result)
    d = side * side
    expect_array(mean, "mean from fit_zca", shape=(d,))
    expect_array(whitening, "whitening from fit_zca", shape=(d, d))
    whitened = expect_array(augmentation.apply_zca(images, mean, whitening), "apply_zca(x, mean, whitening)", shape=images.shape)
    rows = whitened.reshape(count, -1).astype("float64")
    covariance = np.cov(rows, rowvar=False, bias=True)
    worst = float(np.abs(covariance - np.eye(d)).max())
    expect(worst < 0.05, f"the covariance of the whitened training data should be close to the identity, "
                         f"but differs from it by up to {worst:.3f}")
    expect(np.allclose(whitening, whitening.T, atol=1e-6),
           "the whitening matrix should be symmetric (ZCA: U diag(1/sqrt(s + eps)) U^T, not PCA's diag(...) U^T)")
    other = rng.normal(size=(7, side, side, 1)).astype("float32")
    expected = ((other.reshape(7, -1) - images.reshape(count, -1).mean(axis=0)) @ whitening).reshape(other.shape)
    expect_close(augmentation.apply_zca(other, mean, whitening), expected, "apply_zca on new images (centre with the training mean)",
                 rtol=1e-3, atol=1e-3)


@pytest.mark.points(2)
def test_save_augmented_images(augmentation, rng, tmp_path):
    """save_augmented_images writes N augmented images named prefix_i.format in the asked format."""
    from PIL import Image

    images = np.zeros((3, 24, 24, 3), dtype="uint8")
    for image in images:  # a bright off-centre square, so every transformation shows
        top, left = rng.integers(2, 10, size=2)
        image[top:top + 9, left:left + 6] = rng.integers(100, 256, size=3)
    folder = tmp_path / "previews"
    paths = augmentation.save_augmented_images(images, grader_augmentation(), folder, 7, prefix="cat", image_format="jpeg")
    names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    expected = sorted(f"cat_{i}.jpeg" for i in range(7))
    expect(names == expected, f"save_augmented_images(..., count=7, prefix='cat', image_format='jpeg') should write {expected}, wrote {names}")
    expect(paths is not None and len(list(paths)) == 7, "save_augmented_images should return the 7 paths it wrote")
    saved = []
    for name in expected:
        with Image.open(folder / name) as picture:
            expect(picture.format == "JPEG", f"{name} should be a JPEG file, got {picture.format}")
            expect(picture.size == (24, 24), f"{name} should be 24 x 24 like the input, got {picture.size[0]} x {picture.size[1]}")
            saved.append(np.asarray(picture.convert("RGB"), dtype="float32"))
    differs = [min(np.abs(s - image.astype("float32")).mean() for image in images) > 8 for s in saved]  # JPEG noise stays below
    if not any(differs):
        raise GradingFailure("the saved images are copies of the inputs: run the augmentation with training=True")
