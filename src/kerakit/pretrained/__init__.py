"""A real ImageNet-trained convnet that loads with no network, plus the ImageNet class names and photos.

    >>> from kerakit import pretrained
    >>> model = pretrained.load_model()                    # EfficientNet-Lite0, ImageNet weights, offline
    >>> x = pretrained.preprocess_input(pretrained.resize(pretrained.load_photo("cat"), (224, 224))[None])
    >>> pretrained.decode_predictions(model.predict(x), top=3)[0][0][1]
    'Egyptian_cat'

`source="keras"` gives the book's `keras.applications.VGG16(weights="imagenet")`
instead (downloads 528 MB once; needs a network). Keep using the matching
`preprocess_input(x, source=...)`.
"""

from __future__ import annotations

import numpy as np

from kerakit.pretrained.efficientnet_lite import (
    IMAGE_SIZE,
    TOTAL_PARAMS,
    WEIGHTS_SHA256,
    build_efficientnet_lite0,
    load_efficientnet_lite0,
)
from kerakit.pretrained.efficientnet_lite import deprocess_input as _lite_deprocess
from kerakit.pretrained.efficientnet_lite import preprocess_input as _lite_preprocess
from kerakit.pretrained.imagenet import decode_predictions, imagenet_classes
from kerakit.data.photos import OBJECT_BOXES, PHOTOS, load_photo, resize  # photos are data; pretrained re-exports them

OFFLINE = "offline"
KERAS = "keras"

__all__ = [
    "IMAGE_SIZE",
    "OBJECT_BOXES",
    "PHOTOS",
    "TOTAL_PARAMS",
    "WEIGHTS_SHA256",
    "build_efficientnet_lite0",
    "decode_predictions",
    "deprocess_input",
    "imagenet_classes",
    "load_base",
    "load_model",
    "load_photo",
    "preprocess_input",
    "resize",
]


def _check_source(source: str) -> str:
    if source not in (OFFLINE, KERAS):
        raise ValueError(f"unknown source {source!r}: use source='offline' (EfficientNet-Lite0, no network) "
                         "or source='keras' (keras.applications.VGG16, downloads its weights)")
    return source


def load_model(source: str = OFFLINE):
    """Return an ImageNet classifier taking (batch, 224, 224, 3) preprocessed images to 1,000 probabilities.

    Args:
        source: "offline" (EfficientNet-Lite0 with real ImageNet weights, 4,694,024
            parameters, read from an installed package) or "keras" (the book's
            `keras.applications.VGG16(weights="imagenet")`, 138,357,544 parameters, downloaded once).
    """
    if _check_source(source) == KERAS:
        import keras

        return keras.applications.VGG16(weights="imagenet")
    return load_efficientnet_lite0()


def load_base(input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3), pooling=None, source: str = OFFLINE):
    """Return the pretrained convolutional base (no classifier) for feature extraction and fine-tuning.

    Args:
        input_shape: (height, width, 3) of the images it will see (at least 32 x 32).
        pooling: None for the last feature map, "avg" or "max" for one vector per image.
        source: "offline" (EfficientNet-Lite0; last layer `top_relu`, 1,280 channels) or
            "keras" (VGG16's base, `block5_pool`, 512 channels).
    """
    if _check_source(source) == KERAS:
        import keras

        return keras.applications.VGG16(weights="imagenet", include_top=False, input_shape=input_shape, pooling=pooling)
    return load_efficientnet_lite0(input_shape=input_shape, include_top=False, pooling=pooling)


def preprocess_input(images, source: str = OFFLINE):
    """Return images with values 0-255 prepared for the model of `source`."""
    if _check_source(source) == KERAS:
        import keras

        return keras.applications.vgg16.preprocess_input(images)
    return _lite_preprocess(images)


def deprocess_input(images, source: str = OFFLINE):
    """Return network inputs of `source` turned back into RGB images with values 0-255 (not clipped): the book's deprocess_image."""
    if _check_source(source) == KERAS:
        images = np.array(images, dtype="float32")
        images += np.array([103.939, 116.779, 123.68], dtype="float32")  # VGG16 subtracts the ImageNet means from BGR
        return images[..., ::-1]
    return _lite_deprocess(images)
