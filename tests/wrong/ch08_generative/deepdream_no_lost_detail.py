# Wrong here: the octave loop never re-injects the detail lost by shrinking the image.
import numpy as np
from kerakit import pretrained


def deep_dream(feature_model, image, layer_weights, num_octave=3, octave_scale=1.4, iterations=20, step=0.01, max_loss=None, path=None):
    image = np.asarray(image, dtype="float32")
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(f"expected (height, width, 3), got {image.shape}")
    shapes = octave_shapes(image.shape[:2], num_octave, octave_scale)
    if min(shapes[0]) < 32:
        raise ValueError("image too small")
    dream, losses = pretrained.preprocess_input(image)[None], []
    for shape in shapes:
        dream = resize(dream, shape)
        for _ in range(iterations):
            loss, dream = gradient_ascent_step(feature_model, dream, layer_weights, step)
            if not np.isfinite(loss):
                raise FloatingPointError("NaN loss")
            losses.append(loss)
    return np.clip(pretrained.deprocess_input(dream[0]), 0, 255), losses
