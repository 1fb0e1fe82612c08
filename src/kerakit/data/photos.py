"""Real photos that ship inside installed packages, for classifying, Grad-CAM and transfer exercises.

All are RGB uint8 arrays (height, width, 3), loaded with no network:
scikit-image's `data` module (chelsea and coffee CC0, astronaut and rocket public
domain, per their docstrings) and scikit-learn's sample images (china and flower,
CC BY 2.0, attributed in sklearn/datasets/images/README.txt).
"""

from __future__ import annotations

import numpy as np

# name -> (package, loader description); the ImageNet class index each photo shows, where one does.
PHOTOS = {
    "cat": "scikit-image data.chelsea(): Chelsea the cat, 300 x 451",
    "coffee": "scikit-image data.coffee(): a cup of coffee, 400 x 600",
    "astronaut": "scikit-image data.astronaut(): Eileen Collins, 512 x 512",
    "rocket": "scikit-image data.rocket(): a rocket on its launch pad, 427 x 640",
    "china": "scikit-learn load_sample_images(): a Chinese temple, 427 x 640",
    "flower": "scikit-learn load_sample_images(): a flower, 427 x 640",
}
# The photo with one object, and that object's bounding box (top, left, bottom, right) in pixels.
OBJECT_BOXES = {"cat": (20, 60, 300, 380), "coffee": (20, 80, 300, 520)}


def load_photo(name: str) -> np.ndarray:
    """Return a bundled photo as a (height, width, 3) uint8 RGB array.

    Args:
        name: one of PHOTOS ("cat", "coffee", "astronaut", "rocket", "china", "flower").
    """
    if name in ("cat", "coffee", "astronaut", "rocket"):
        try:
            import skimage.data
        except ImportError as error:
            raise RuntimeError("the photos need scikit-image: pip install scikit-image") from error
        loader = {"cat": "chelsea", "coffee": "coffee", "astronaut": "astronaut", "rocket": "rocket"}[name]
        image = getattr(skimage.data, loader)()
    elif name in ("china", "flower"):
        from sklearn.datasets import load_sample_image

        image = load_sample_image(f"{name}.jpg")
    else:
        raise ValueError(f"unknown photo {name!r}: expected one of {', '.join(PHOTOS)}")
    return np.ascontiguousarray(image[..., :3], dtype=np.uint8)


def resize(image: np.ndarray, size) -> np.ndarray:
    """Return `image` resized to (height, width) = size with bilinear filtering, as float32 0-255."""
    from PIL import Image

    height, width = size
    resized = Image.fromarray(np.asarray(image, dtype=np.uint8)).resize((width, height), Image.BILINEAR)
    return np.asarray(resized, dtype="float32")
