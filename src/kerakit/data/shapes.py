"""Ellipses vs triangles: a generated two-class image set standing in for the book's cats vs dogs.

**Synthetic.** No labelled set of small colour photos installs offline (see
datasets/README.md), so kerakit draws one: each image is a random crop of a real
photo bundled with scikit-image / scikit-learn (the background), with one filled
shape on it. Class 0 is an ellipse, class 1 a triangle. Colour, size, position,
rotation and aspect ratio are drawn from the same distributions for both classes,
so the label depends on the shape alone, never on colour or position. The task is
hard enough at small sample counts that a convnet from scratch overfits, and the
natural variation (position, rotation, zoom, flips) is exactly what augmentation
adds: the situation of DLwP §5.2.

Deterministic: the same arguments always give the same pixels.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from kerakit.data._sources import check_source

CLASS_NAMES = ("ellipse", "triangle")
BACKGROUND_PHOTOS = ("cat", "coffee", "astronaut", "rocket", "china", "flower")
BACKGROUND_CONTRAST = 0.2
SUPERSAMPLE = 4  # shapes are drawn at 4x and downsampled, for smooth edges


@functools.lru_cache(maxsize=1)
def _backgrounds() -> tuple[np.ndarray, ...]:
    from kerakit.data.photos import load_photo

    return tuple(load_photo(name) for name in BACKGROUND_PHOTOS)


def _background(rng: np.random.Generator, size: int) -> np.ndarray:
    """Return a random square crop (a quarter to a half of the photo's short side) resized to size x size."""
    from PIL import Image

    photos = _backgrounds()
    photo = photos[rng.integers(len(photos))]
    height, width = photo.shape[:2]
    side = int(rng.integers(min(height, width) // 4, min(height, width) // 2))
    top, left = int(rng.integers(0, height - side)), int(rng.integers(0, width - side))
    crop = Image.fromarray(photo[top:top + side, left:left + side])
    crop = np.asarray(crop.resize((size * SUPERSAMPLE, size * SUPERSAMPLE), Image.BILINEAR), dtype=np.float32)
    # Reduce the background's contrast around its mean, so the shape stands out at small sizes.
    return (crop.mean(axis=(0, 1)) + BACKGROUND_CONTRAST * (crop - crop.mean(axis=(0, 1)))).astype(np.uint8)


# A triangle inscribed in a circle of radius r covers 3*sqrt(3)/4 r^2; an ellipse of radius r covers pi r^2
# (times the aspect ratio for both). Scaling the triangle's radius by this factor gives both classes the same
# area distribution, so size and the amount of colour say nothing about the class.
TRIANGLE_AREA_SCALE = float(np.sqrt(np.pi / (3 * np.sqrt(3) / 4)))


def _shape_polygon(rng: np.random.Generator, label: int, canvas: int) -> np.ndarray:
    """Return the (k, 2) vertices of an ellipse (label 0) or a triangle (label 1) on a canvas of `canvas` pixels.

    Both classes draw radius, aspect, rotation and centre from the same distributions; the
    triangle's radius is scaled so that both shapes cover the same area on average.
    """
    radius = rng.uniform(0.25, 0.35) * canvas
    aspect = rng.uniform(0.6, 1.0)
    angle = rng.uniform(0, 2 * np.pi)
    centre = rng.uniform(0.3 * canvas, 0.7 * canvas, size=2)
    if label == 0:
        t = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    else:  # a triangle with jittered corners, so it is not always equilateral
        t = np.array([0.0, 2 * np.pi / 3, 4 * np.pi / 3]) + rng.uniform(-0.3, 0.3, size=3)
        radius *= TRIANGLE_AREA_SCALE
    points = np.stack([np.cos(t), aspect * np.sin(t)], axis=1) * radius
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    return points @ rotation.T + centre


def draw_image(rng: np.random.Generator, label: int, size: int) -> np.ndarray:
    """Return one (size, size, 3) uint8 image: a photo crop with a filled shape of class `label` on it."""
    from PIL import Image, ImageDraw

    canvas = Image.fromarray(_background(rng, size))
    colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
    polygon = _shape_polygon(rng, label, size * SUPERSAMPLE)
    ImageDraw.Draw(canvas).polygon([tuple(p) for p in polygon], fill=colour, outline=(255 - colour[0], 255 - colour[1], 255 - colour[2]))
    return np.asarray(canvas.resize((size, size), Image.LANCZOS), dtype=np.uint8)


@functools.lru_cache(maxsize=8)
def _generate(count: int, size: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    labels = np.tile(np.array([0, 1], dtype=np.uint8), (count + 1) // 2)[:count]
    labels = rng.permutation(labels)
    images = np.stack([draw_image(rng, int(label), size) for label in labels])
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels


def load_data(num_train: int = 1000, num_test: int = 500, image_size: int = 32, seed: int = 0, source: str = "offline"):
    """Return `(x_train, y_train), (x_test, y_test)`: ellipses (0) vs triangles (1) on photo crops.

    Args:
        num_train: training images (half of each class, shuffled).
        num_test: test images, drawn independently of the training ones.
        image_size: height and width in pixels (the book's cats vs dogs use 150).
        seed: which images: the same seed always gives the same set.
        source: only "offline" (the set is generated; there is no keras.datasets version).

    Returns:
        x_train (num_train, image_size, image_size, 3) uint8 values 0-255, y_train (num_train,) uint8,
        x_test and y_test likewise. Read-only arrays: copy before changing them.

    Example:
        >>> (x_train, y_train), (x_test, y_test) = load_data(200, 100, image_size=32)
        >>> x_train.shape, y_train[:4]
        ((200, 32, 32, 3), array([1, 0, 0, 1], dtype=uint8))
    """
    if check_source(source) != "offline":
        raise ValueError("the shapes set is generated offline; for the book's cats vs dogs photos use "
                         "keras.utils.image_dataset_from_directory on the Kaggle folders")
    for name, value in (("num_train", num_train), ("num_test", num_test)):
        if int(value) < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    if int(image_size) < 8:
        raise ValueError(f"image_size must be at least 8 pixels, got {image_size}")
    train = _generate(int(num_train), int(image_size), int(seed) * 2)
    test = _generate(int(num_test), int(image_size), int(seed) * 2 + 1)
    return train, test


def save_as_folders(directory, splits: dict[str, int], class_names=("cats", "dogs"), image_size: int = 32, seed: int = 0,
                    image_format: str = "png") -> Path:
    """Write the book's folder layout `directory/<split>/<class>/<class>.<i>.<format>` of shape images; return directory.

    Class 0 (ellipses) goes to `class_names[0]`, class 1 (triangles) to `class_names[1]`.
    `splits` maps a split name to its number of images per class, e.g. the book's
    cats_and_dogs_small: {"train": 1000, "validation": 500, "test": 500}.
    """
    from PIL import Image

    directory = Path(directory)
    rng = np.random.default_rng(seed)
    for split, per_class in splits.items():
        for label, class_name in enumerate(class_names):
            folder = directory / split / class_name
            folder.mkdir(parents=True, exist_ok=True)
            for index in range(per_class):
                name = f"{class_name.rstrip('s')}.{index}.{image_format}"
                Image.fromarray(draw_image(rng, label, image_size)).save(folder / name)
    return directory
