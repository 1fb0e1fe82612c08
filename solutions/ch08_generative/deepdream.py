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
    # BEGIN SOLUTION: a functional model from base's inputs to a dict of layer outputs
    return keras.Model(inputs=base.inputs, outputs={name: base.get_layer(name).output for name in layer_names})
    # END SOLUTION


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
    # Hint: keras.ops.mean and keras.ops.square work on both arrays and tensors.
    # BEGIN SOLUTION: a weighted sum of cropped mean squares
    loss = 0.0
    for name, weight in layer_weights.items():
        activation = keras.ops.convert_to_tensor(activations[name], dtype="float32")
        loss = loss + weight * keras.ops.mean(keras.ops.square(activation[:, 2:-2, 2:-2, :]))
    return loss
    # END SOLUTION


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
    # Hint: watch the image in a tf.GradientTape (it is not a variable), then tape.gradient(loss, image).
    # BEGIN SOLUTION: tape the loss, normalise the gradient by its mean magnitude, step up
    image = tf.convert_to_tensor(image, dtype="float32")
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = dream_loss(feature_model(image, training=False), layer_weights)
    grads = tape.gradient(loss, image)
    grads = grads / tf.maximum(tf.reduce_mean(tf.abs(grads)), 1e-7)
    return float(loss), (image + step * grads).numpy()
    # END SOLUTION


def octave_shapes(original_shape, num_octave=3, octave_scale=1.4):
    """Return the (height, width) of each octave, smallest first, ending with the original shape.

    Octave i (counting from the original, i = 0) is (int(height / octave_scale ** i),
    int(width / octave_scale ** i)); the list runs from i = num_octave - 1 down to 0.

    Example:
        >>> octave_shapes((100, 200), num_octave=3, octave_scale=2.0)
        [(25, 50), (50, 100), (100, 200)]

    Textbook: DLwP listing 8.13 (successive_shapes).
    """
    # BEGIN SOLUTION: shrink by octave_scale ** i, then reverse
    shapes = [tuple(int(dim / (octave_scale ** i)) for dim in original_shape) for i in range(num_octave)]
    return shapes[::-1]
    # END SOLUTION


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
        max_loss: stop an octave's ascent at the first step whose loss is above it; that step is
            neither taken nor recorded (None: never stop early).
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
    # Hint: keep the original and the shrunk original aside; with step=0 the loop must give the original back.
    # BEGIN SOLUTION: check the input, then ascend octave by octave, re-injecting lost detail
    image = np.asarray(image, dtype="float32")
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(f"expected an RGB image (height, width, 3), got shape {image.shape}")
    shapes = octave_shapes(image.shape[:2], num_octave, octave_scale)
    if min(shapes[0]) < MIN_SIDE:
        raise ValueError(f"the smallest octave would be {shapes[0][0]} x {shapes[0][1]}: the network needs at least "
                         f"{MIN_SIDE} x {MIN_SIDE}; use a larger image or fewer octaves")
    original = pretrained.preprocess_input(image)[None]
    shrunk_original = resize(original, shapes[0])
    dream, losses = original, []
    for shape in shapes:
        dream = resize(dream, shape)
        for _ in range(iterations):
            loss, stepped = gradient_ascent_step(feature_model, dream, layer_weights, step)
            if not np.isfinite(loss):
                raise FloatingPointError(f"the dream loss became {loss} at step {len(losses) + 1}: lower the step size, or use a larger "
                                         "image (an activation under 5 x 5 has nothing left once its border is cropped)")
            if max_loss is not None and loss > max_loss:
                break
            losses.append(loss)
            dream = stepped
        dream = dream + resize(original, shape) - resize(shrunk_original, shape)
        shrunk_original = resize(original, shape)
    dream = np.clip(pretrained.deprocess_input(dream[0]), 0, 255).astype("float32")
    if path is not None:
        keras.utils.save_img(str(path), dream, scale=False)
    return dream, losses
    # END SOLUTION
