# Right, written differently (a blind tester, who saw only the sheet and the stubs).
"""Chapter 8, exercise 3: DeepDream — gradient ascent on what a convnet's layers respond to, octave by octave.

Textbook: DLwP §8.2 "DeepDream": listings 8.8–8.13. The book dreams with Inception V3;
the kit's offline ImageNet convnet is EfficientNet-Lite0 (`kerakit.pretrained.load_base`),
whose layers are named like `block3_expand_relu`. The book's `K.gradients` and
`K.function` are gone in Keras 3: take gradients with `tf.GradientTape`.

Images are RGB arrays with values 0-255; the network reads them after
`kerakit.pretrained.preprocess_input`, and `kerakit.pretrained.deprocess_input` turns its
inputs back into an image (the book's preprocess_image and deprocess_image).
"""

from pathlib import Path

import numpy as np
import keras
import tensorflow as tf

from kerakit import pretrained

MIN_SIDE = 32  # the smallest image EfficientNet-Lite0's five stride-2 stages can read


def feature_extractor(base, layer_names):
    """Return a keras.Model with the input of `base` whose output is a dict {layer name: that layer's activation}.

    Args:
        base: a convolutional base such as kerakit.pretrained.load_base((None, None, 3)).
        layer_names: the names of the layers to read, e.g. ["block5_expand_relu", "block8_expand_relu"].

    Textbook: DLwP listing 8.9 (`layer_dict = dict([(layer.name, layer) for layer in model.layers])`).
    """
    by_name = {layer.name: layer for layer in base.layers}
    outputs = {}
    for name in layer_names:
        if name not in by_name:
            raise ValueError(f"the base has no layer named {name!r}")
        outputs[name] = by_name[name].output
    return keras.Model(inputs=base.input, outputs=outputs)


def dream_loss(activations, layer_weights):
    """Return the DeepDream loss: the sum over layers of weight * mean(square(activation)), borders cropped.

        loss = sum over name in layer_weights of
               layer_weights[name] * mean(square(activations[name][:, 2:-2, 2:-2, :]))

    The 2-pixel border is left out so that the edges of the image, where padding
    distorts the activations, do not drive the dream. (The book's first edition divides
    the sum of squares by the size of the whole activation; this is the mean over the
    cropped part, as its second edition and Keras's DeepDream example write it.)

    Args:
        activations: dict layer name -> (batch, height, width, channels) activations, a
            tensor inside a GradientTape or an array.
        layer_weights: dict layer name -> how much that layer counts (a float).

    Returns:
        A scalar (a tensor when given tensors): use keras.ops so gradients flow through it.

    Textbook: DLwP listing 8.10 (defining the loss to be maximised).
    """
    terms = []
    for name, weight in layer_weights.items():
        activation = tf.convert_to_tensor(activations[name])
        cropped = activation[:, 2:-2, 2:-2, :]
        terms.append(tf.cast(weight, activation.dtype) * tf.reduce_mean(tf.square(cropped)))
    if not terms:
        return tf.constant(0.0)
    dtype = tf.float64 if any(t.dtype == tf.float64 for t in terms) else terms[0].dtype
    return tf.add_n([tf.cast(t, dtype) for t in terms])


def gradient_ascent_step(feature_model, image, layer_weights, step):
    """Return (loss, new_image): the dream loss at `image` and the image moved one step up its normalised gradient.

        grads = d loss / d image;  grads = grads / max(mean(|grads|), 1e-7)
        new_image = image + step * grads

    Args:
        feature_model: a model like feature_extractor's, reading preprocessed images.
        image: float32 (1, height, width, 3), already preprocessed.
        layer_weights: dict layer name -> weight, as for dream_loss.
        step: the size of the step.

    Returns:
        loss: a float; new_image: float32 (1, height, width, 3).

    Textbook: DLwP listing 8.11 (`grads /= K.maximum(K.mean(K.abs(grads)), 1e-7)`; `x += step * grad_values`).
    """
    image = tf.convert_to_tensor(np.asarray(image, dtype="float32"))
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = dream_loss(feature_model(image, training=False), layer_weights)
    grads = tape.gradient(loss, image)
    grads = grads / tf.maximum(tf.reduce_mean(tf.abs(grads)), 1e-7)
    new_image = image + step * grads
    return float(loss), new_image.numpy().astype("float32")


def octave_shapes(original_shape, num_octave=3, octave_scale=1.4):
    """Return the (height, width) of each octave, smallest first, ending with the original shape.

    Octave i (counting from the original, i = 0) is (int(height / octave_scale ** i),
    int(width / octave_scale ** i)); the list runs from i = num_octave - 1 down to 0.

    Example:
        >>> octave_shapes((100, 200), num_octave=3, octave_scale=2.0)
        [(25, 50), (50, 100), (100, 200)]

    Textbook: DLwP listing 8.13 (successive_shapes).
    """
    height, width = original_shape[0], original_shape[1]
    shapes = []
    i = num_octave - 1
    while i >= 0:
        shapes.append((int(height / octave_scale ** i), int(width / octave_scale ** i)))
        i -= 1
    return shapes


def resize(image, shape):
    """Return a float32 (1, height, width, 3) image resized to shape = (height, width) (bilinear)."""
    return tf.image.resize(image, shape, method="bilinear").numpy().astype("float32")


def deep_dream(feature_model, image, layer_weights, num_octave=3, octave_scale=1.4, iterations=20, step=0.01,
               max_loss=None, path=None):
    """Return (dream, losses): the image after DeepDream, and the loss before every ascent step.

    For each octave shape, smallest first: resize the image to it, run `iterations`
    gradient ascent steps (stop early once the loss exceeds max_loss, if given), then
    re-inject the detail lost by shrinking: add resize(original, shape) minus
    resize(shrunk original, shape), where the shrunk original is the original at the
    previous octave's shape (the smallest one at the first octave).

    Args:
        feature_model: a model like feature_extractor's, reading preprocessed images.
        image: (height, width, 3) RGB values 0-255 (uint8 or float).
        layer_weights: dict layer name -> weight, as for dream_loss.
        num_octave, octave_scale: as for octave_shapes.
        iterations: ascent steps per octave; step: their size.
        max_loss: stop an octave's ascent once the loss is above it (None: never).
        path: where to save the dream as a PNG (None: do not save).

    Returns:
        dream: float32 (height, width, 3) values 0-255 (clipped); losses: a list of floats,
        one per ascent step, in order.

    Raises:
        ValueError: for an image that is not (height, width, 3), or whose smallest octave
            has a side under 32 pixels (the network cannot read it).
        FloatingPointError: when the loss becomes NaN or infinite (the message gives the step).

    Textbook: DLwP listing 8.13 (running gradient ascent over successive scales).
    """
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(f"deep_dream needs a (height, width, 3) RGB image, got shape {image.shape}")
    shapes = octave_shapes(image.shape[:2], num_octave, octave_scale)
    if min(shapes[0]) < MIN_SIDE:
        raise ValueError(f"the smallest octave {shapes[0]} has a side under {MIN_SIDE} pixels: "
                         f"use a larger image or fewer octaves")

    original = pretrained.preprocess_input(image.astype("float32"))[None]
    shrunk_original = resize(original, shapes[0])
    dream = original.copy()
    losses = []
    for shape in shapes:
        dream = resize(dream, shape)
        for _ in range(iterations):
            loss, stepped = gradient_ascent_step(feature_model, dream, layer_weights, step)
            if not np.isfinite(loss):
                raise FloatingPointError(f"the dream loss became {loss} at ascent step {len(losses) + 1} (octave {shape})")
            losses.append(loss)
            if max_loss is not None and loss > max_loss:
                break  # the book stops before taking the step
            dream = stepped
        same_size_original = resize(original, shape)
        lost_detail = same_size_original - resize(shrunk_original, shape)
        dream = dream + lost_detail
        shrunk_original = same_size_original

    result = np.clip(pretrained.deprocess_input(dream[0]), 0.0, 255.0).astype("float32")
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        keras.utils.save_img(str(path), result.astype("uint8"), scale=False)
    return result, losses
