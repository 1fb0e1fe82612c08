# Right, written differently (a blind tester, who saw only the sheet and the stubs).
"""Chapter 8, exercise 4: neural style transfer — the content of one image in the style of another.

Textbook: DLwP §8.3 "Neural style transfer": listings 8.14–8.22. The book uses VGG19 and
SciPy's L-BFGS; the kit uses the offline EfficientNet-Lite0 (`kerakit.pretrained.load_base`)
and plain gradient descent on the image with a Keras optimizer, as Keras's own
style-transfer example does in Keras 3 (`tf.GradientTape`, `optimizer.apply_gradients`).

The loss has three parts: content (the generated image's high-level activations stay
close to the content image's), style (its Gram matrices at several layers match the
style image's), and total variation (neighbouring pixels stay close: less noise).
"""

from pathlib import Path

import numpy as np
import keras
import tensorflow as tf

from PIL import Image

from kerakit import pretrained

MIN_SIDE = 32
CONTENT_LAYER = "block11_expand_relu"
STYLE_LAYERS = ("stem_relu", "block1_expand_relu", "block3_expand_relu", "block5_expand_relu", "block8_expand_relu")


def content_loss(base, combination):
    """Return the content loss: the sum of squared differences between two activations of the same shape.

    Textbook: DLwP listing 8.16 (`K.sum(K.square(combination - base))`).
    """
    difference = tf.convert_to_tensor(combination) - tf.convert_to_tensor(base)
    return tf.reduce_sum(difference * difference)


def gram_matrix(x):
    """Return the Gram matrix (channels, channels) of one activation x (height, width, channels).

    With F the activation reshaped to (channels, height * width) (one row per channel),
    the Gram matrix is F @ F.T: entry (i, j) is the sum over positions of channel i times
    channel j, how much the two features fire together.

    Textbook: DLwP listing 8.17 (`K.batch_flatten(K.permute_dimensions(x, (2, 0, 1)))`, then `K.dot(features, K.transpose(features))`).
    """
    # sum over every position (h, w) of channel i times channel j, written as one einsum
    x = tf.convert_to_tensor(x)
    return tf.einsum("hwi,hwj->ij", x, x)


def style_loss(style, combination, img_height, img_width):
    """Return the style loss of one layer: sum(square(gram(style) - gram(combination))) / (4 * 3**2 * (img_height * img_width)**2).

    style and combination are one image's activations (height, width, channels) at the
    same layer. The normaliser uses the image's 3 channels and its pixel count, exactly as
    the book writes it (channels = 3; size = img_height * img_width), whatever the layer.

    Textbook: DLwP listing 8.17 (style_loss).
    """
    channels = 3
    size = float(img_height) * float(img_width)
    s = gram_matrix(style)
    c = gram_matrix(combination)
    return tf.reduce_sum(tf.square(s - c)) / (4.0 * (channels ** 2) * (size ** 2))


def total_variation_loss(x, img_height, img_width):
    """Return the total variation loss of x (1, img_height, img_width, 3).

        a = square(x[:, :h-1, :w-1, :] - x[:, 1:, :w-1, :])     (vertical neighbours)
        b = square(x[:, :h-1, :w-1, :] - x[:, :h-1, 1:, :])     (horizontal neighbours)
        loss = sum((a + b) ** 1.25)

    Zero for a constant image; large for a noisy one.

    Textbook: DLwP listing 8.18.
    """
    x = tf.convert_to_tensor(x)
    h, w = int(img_height), int(img_width)
    corner = x[:, : h - 1, : w - 1, :]
    a = tf.square(corner - x[:, 1:, : w - 1, :])
    b = tf.square(corner - x[:, : h - 1, 1:, :])
    return tf.reduce_sum(tf.pow(a + b, 1.25))


def compute_loss(feature_model, combination_image, base_image, style_image, content_layer=CONTENT_LAYER,
                 style_layers=STYLE_LAYERS, content_weight=1e-4, style_weight=1.0, total_variation_weight=1e-3):
    """Return the total style-transfer loss of combination_image (a scalar; a tensor inside a GradientTape).

    Run base, style and combination through feature_model as one batch of three (in that
    order), then:
        loss = content_weight * content_loss(base's, combination's activation at content_layer)
             + sum over style_layers of (style_weight / len(style_layers)) * style_loss(style's, combination's activation)
             + total_variation_weight * total_variation_loss(combination_image)

    Args:
        feature_model: a model mapping preprocessed images to {layer name: activation}
            holding content_layer and every style layer.
        combination_image, base_image, style_image: float32 (1, height, width, 3), preprocessed.
        content_layer, style_layers: layer names.
        content_weight, style_weight, total_variation_weight: how much each part counts.

    Textbook: DLwP listing 8.20 (defining the final loss that you'll minimise).
    """
    combination_image = tf.convert_to_tensor(combination_image)
    dtype = combination_image.dtype
    batch = tf.concat([tf.cast(base_image, dtype), tf.cast(style_image, dtype), combination_image], axis=0)
    features = feature_model(batch, training=False)
    height, width = int(combination_image.shape[1]), int(combination_image.shape[2])

    content = features[content_layer]
    loss = content_weight * content_loss(content[0], content[2])
    share = style_weight / len(style_layers)
    for name in style_layers:
        activation = features[name]
        loss = loss + share * style_loss(activation[1], activation[2], height, width)
    loss = loss + total_variation_weight * total_variation_loss(combination_image, height, width)
    return loss


def style_transfer(feature_model, base_image, style_image, iterations=20, learning_rate=0.02, path=None, **loss_settings):
    """Return (image, losses): base_image painted in style_image's style, and the total loss at every step.

    The style image is first resized to the base image's size (bilinear). The generated
    image starts as the base image, preprocessed, held in a tf.Variable, and takes
    `iterations` steps of keras.optimizers.Adam(learning_rate) on compute_loss.

    Args:
        feature_model: as for compute_loss.
        base_image, style_image: (height, width, 3) RGB values 0-255 (the sizes may differ).
        iterations: optimisation steps; learning_rate: Adam's.
        path: where to save the result as a PNG (None: do not save).
        loss_settings: passed on to compute_loss (content_layer, style_layers, weights).

    Returns:
        image: float32 (height, width, 3) values 0-255 (clipped) at base_image's size;
        losses: a list of floats, the loss before each step.

    Raises:
        ValueError: for an image that is not (height, width, 3) or smaller than 32 x 32.
        FloatingPointError: when the loss becomes NaN or infinite (the message gives the step).

    Textbook: DLwP listings 8.21–8.22 (the book's L-BFGS loop becomes a GradientTape loop).
    """
    for label, img in (("base_image", base_image), ("style_image", style_image)):
        shape = np.shape(img)
        if len(shape) != 3 or shape[-1] != 3:
            raise ValueError(f"{label} must be a (height, width, 3) RGB image, got shape {shape}")
        if min(shape[0], shape[1]) < MIN_SIDE:
            raise ValueError(f"{label} is {shape[0]} x {shape[1]}, smaller than {MIN_SIDE} x {MIN_SIDE}")
    height, width = np.shape(base_image)[:2]

    # the style photo to the base photo's size, bilinear, with PIL (per channel, float mode)
    style = np.asarray(style_image, dtype="float32")
    style = np.stack([np.asarray(Image.fromarray(np.ascontiguousarray(style[..., k])).resize((width, height), Image.BILINEAR))
                      for k in range(3)], axis=-1)

    base = pretrained.preprocess_input(np.asarray(base_image, dtype="float32")[None])
    style = pretrained.preprocess_input(style[None])
    combination = tf.Variable(base)
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    losses = []
    for i in range(iterations):
        with tf.GradientTape() as tape:
            loss = compute_loss(feature_model, combination, base, style, **loss_settings)
        value = float(loss)
        if not np.isfinite(value):
            raise FloatingPointError(f"the style-transfer loss became {value} at step {i + 1}")
        losses.append(value)
        grads = tape.gradient(loss, combination)
        optimizer.apply_gradients([(grads, combination)])

    image = np.clip(pretrained.deprocess_input(combination.numpy()[0]), 0, 255).astype("float32")
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image.astype("uint8")).save(str(path), format="PNG")
    return image, losses
