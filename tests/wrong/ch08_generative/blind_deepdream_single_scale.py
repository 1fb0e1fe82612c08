# Wrong here (found by a blind tester): skips the octaves — runs num_octave * iterations ascent steps at full size only (step 0 trivially gives the photo back, the loss rises, the picture changes)
from pathlib import Path

import numpy as np
import keras

from kerakit import pretrained


def deep_dream(feature_model, image, layer_weights, num_octave=3, octave_scale=1.4, iterations=20, step=0.01,
               max_loss=None, path=None):
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(f"need a (height, width, 3) image, got {image.shape}")
    shapes = octave_shapes(image.shape[:2], num_octave, octave_scale)
    if min(shapes[0]) < MIN_SIDE:
        raise ValueError(f"smallest octave {shapes[0]} is under {MIN_SIDE} pixels")
    img = pretrained.preprocess_input(image.astype("float32"))[None]
    losses = []
    for _ in range(num_octave):
        for _ in range(iterations):
            loss, new = gradient_ascent_step(feature_model, img, layer_weights, step)
            if not np.isfinite(loss):
                raise FloatingPointError(f"loss is {loss} at step {len(losses)}")
            losses.append(loss)
            if max_loss is not None and loss > max_loss:
                break
            img = new
    dream = np.clip(pretrained.deprocess_input(img[0]), 0, 255).astype("float32")
    if path is not None:
        keras.utils.save_img(str(path), dream.astype("uint8"), scale=False)
    return dream, losses
