# Right, written differently (a blind tester, who saw only the sheet and the stubs).
"""Chapter 8, exercise 5: a variational autoencoder on MNIST digits.

Textbook: DLwP §8.4 "Generating images with variational autoencoders": listings 8.23–8.28.
The encoder maps a digit to the mean and log-variance of a normal distribution in a 2-D
latent space; a point is sampled from it and the decoder maps it back to a digit. The loss
is reconstruction (binary cross-entropy summed over the pixels) plus the KL divergence that
keeps the latent distributions close to N(0, 1), so the latent space is continuous.

Two fixes to the book's first edition, as in its second edition and Keras 3: the sample
is z = z_mean + exp(z_log_var / 2) * epsilon (exp(z_log_var) is the variance, not the
standard deviation), and the KL term is the full one, summed over the latent dimensions.
The book's Lambda layer and custom loss layer become plain functions here; the kit trains
your encoder and decoder with them (see runs.py).
"""

from pathlib import Path

import numpy as np
import keras
import tensorflow as tf
from keras import layers
from PIL import Image
from scipy.stats import norm

IMAGE_SHAPE = (28, 28, 1)


def build_encoder(latent_dim=2):
    """Return the encoder: a functional keras.Model from (28, 28, 1) images to [z_mean, z_log_var], each (batch, latent_dim).

    Conv2D(32, 3, relu) -> Conv2D(64, 3, relu, strides=2) -> Conv2D(64, 3, relu) -> Conv2D(64, 3, relu),
    all with padding="same", -> Flatten -> Dense(32, relu), then two Dense(latent_dim) heads
    (no activation) named "z_mean" and "z_log_var", in that order. Not compiled.

    Textbook: DLwP listing 8.23 (VAE encoder network).
    """
    inputs = keras.Input(shape=IMAGE_SHAPE)
    x = inputs
    for filters, strides in [(32, 1), (64, 2), (64, 1), (64, 1)]:
        x = layers.Conv2D(filters, (3, 3), strides=(strides, strides), padding="same", activation="relu")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(32, activation="relu")(x)
    z_mean = layers.Dense(latent_dim, name="z_mean")(x)
    z_log_var = layers.Dense(latent_dim, name="z_log_var")(x)
    return keras.Model(inputs=inputs, outputs=[z_mean, z_log_var], name="encoder")


def sampling(z_mean, z_log_var, seed=None):
    """Return z = z_mean + exp(z_log_var / 2) * epsilon, epsilon drawn from N(0, 1) with the shape of z_mean.

    Args:
        z_mean, z_log_var: (batch, latent_dim), arrays or tensors.
        seed: an int for keras.random.normal (None: a new draw every call).

    Textbook: DLwP listing 8.24 (latent-space-sampling function; see the module docstring for the /2).
    """
    z_mean = tf.convert_to_tensor(z_mean)
    z_log_var = tf.cast(tf.convert_to_tensor(z_log_var), z_mean.dtype)
    shape = tf.shape(z_mean)
    if seed is None:
        epsilon = tf.random.normal(shape, dtype=z_mean.dtype)
    else:  # a fixed seed gives the same epsilon on every call
        epsilon = tf.random.stateless_normal(shape, seed=[int(seed), 0], dtype=z_mean.dtype)
    standard_deviation = tf.sqrt(tf.exp(z_log_var))  # == exp(z_log_var / 2)
    return z_mean + standard_deviation * epsilon


def build_decoder(latent_dim=2):
    """Return the decoder: a keras.Model from (batch, latent_dim) points to (batch, 28, 28, 1) images with values in [0, 1].

    Dense(14 * 14 * 64, relu) -> Reshape((14, 14, 64)) -> Conv2DTranspose(32, 3, relu, strides=2,
    padding="same") -> Conv2D(1, 3, sigmoid, padding="same"). Not compiled.

    Textbook: DLwP listing 8.25 (VAE decoder network).
    """
    return keras.Sequential([
        keras.Input(shape=(latent_dim,)),
        layers.Dense(14 * 14 * 64, activation="relu"),
        layers.Reshape((14, 14, 64)),
        layers.Conv2DTranspose(32, (3, 3), strides=(2, 2), padding="same", activation="relu"),
        layers.Conv2D(1, (3, 3), padding="same", activation="sigmoid"),
    ], name="decoder")


def kl_divergence(z_mean, z_log_var):
    """Return the KL divergence of N(z_mean, exp(z_log_var)) from N(0, 1) for each sample: shape (batch,).

        KL = -0.5 * sum over latent dimensions of (1 + z_log_var - z_mean**2 - exp(z_log_var))

    Textbook: DLwP listing 8.26 (the book's first edition scales a mean by 5e-4; this is the full term).
    """
    z_mean = tf.convert_to_tensor(z_mean)
    z_log_var = tf.cast(tf.convert_to_tensor(z_log_var), z_mean.dtype)
    # the same closed form, written as 0.5 * sum(mu^2 + sigma^2 - log sigma^2 - 1)
    return 0.5 * tf.reduce_sum(tf.square(z_mean) + tf.exp(z_log_var) - z_log_var - 1.0, axis=-1)


def vae_loss(images, reconstructions, z_mean, z_log_var):
    """Return the VAE loss (a scalar): the batch mean of (binary cross-entropy summed over the pixels + KL divergence).

    Args:
        images: (batch, 28, 28, 1) in [0, 1]; reconstructions: the decoder's output, same shape.
        z_mean, z_log_var: the encoder's outputs for images, (batch, latent_dim).

    Textbook: DLwP listing 8.26 (VAE loss); keras.losses.binary_crossentropy averages over the
    last axis (1 channel here), so sum what it returns over height and width.
    """
    reconstructions = tf.convert_to_tensor(reconstructions)
    dtype = reconstructions.dtype
    images = tf.cast(tf.convert_to_tensor(images), dtype)
    eps = keras.backend.epsilon()
    p = tf.clip_by_value(reconstructions, eps, 1.0 - eps)
    per_pixel = -(images * tf.math.log(p) + (1.0 - images) * tf.math.log(1.0 - p))
    reconstruction = tf.reduce_sum(tf.reshape(per_pixel, [tf.shape(per_pixel)[0], -1]), axis=1)
    kl = kl_divergence(tf.cast(z_mean, dtype), tf.cast(z_log_var, dtype))
    return tf.reduce_mean(reconstruction + kl)


def latent_grid(decoder, n=15, digit_size=28, path=None):
    """Return the book's picture of the 2-D latent space: an (n * digit_size, n * digit_size) float array of decoded digits.

    The grid's coordinates are the standard normal's quantiles at n evenly spaced
    probabilities from 0.05 to 0.95 (scipy.stats.norm.ppf(np.linspace(0.05, 0.95, n))). The
    digit in block row i, block column j decodes the point z = [grid[j], grid[i]] (x
    runs along the columns, y down the rows).

    Args:
        decoder: a decoder from 2-D points, e.g. a trained build_decoder(2).
        n: digits per side; digit_size: their height and width.
        path: where to save the grid as a grey PNG (None: do not save).

    Textbook: DLwP listing 8.28 (sampling a grid of points from the 2-D latent space).
    """
    grid = norm.ppf(np.linspace(0.05, 0.95, n))
    figure = np.zeros((n * digit_size, n * digit_size), dtype="float32")
    for i in range(n):          # block row: y = grid[i]
        points = [[grid[j], grid[i]] for j in range(n)]  # block column: x = grid[j]
        digits = np.asarray(decoder(np.array(points, dtype="float32"), training=False))
        for j in range(n):
            figure[i * digit_size:(i + 1) * digit_size,
                   j * digit_size:(j + 1) * digit_size] = digits[j].reshape(digit_size, digit_size)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray((np.clip(figure, 0.0, 1.0) * 255).round().astype("uint8")).save(str(path))
    return figure
