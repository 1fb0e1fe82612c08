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
from keras import layers

IMAGE_SHAPE = (28, 28, 1)


def build_encoder(latent_dim=2):
    """Return the encoder: a functional keras.Model from (28, 28, 1) images to [z_mean, z_log_var], each (batch, latent_dim).

    Conv2D(32, 3, relu) -> Conv2D(64, 3, relu, strides=2) -> Conv2D(64, 3, relu) -> Conv2D(64, 3, relu),
    all with padding="same", -> Flatten -> Dense(32, relu), then two Dense(latent_dim) heads
    (no activation) named "z_mean" and "z_log_var", in that order. Not compiled.

    Textbook: DLwP listing 8.23 (VAE encoder network).
    """
    # BEGIN SOLUTION: a convolutional trunk with two linear heads
    inputs = keras.Input(shape=IMAGE_SHAPE)
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(64, 3, padding="same", activation="relu", strides=2)(x)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.Dense(32, activation="relu")(layers.Flatten()(x))
    z_mean = layers.Dense(latent_dim, name="z_mean")(x)
    z_log_var = layers.Dense(latent_dim, name="z_log_var")(x)
    return keras.Model(inputs, [z_mean, z_log_var], name="encoder")
    # END SOLUTION


def sampling(z_mean, z_log_var, seed=None):
    """Return z = z_mean + exp(z_log_var / 2) * epsilon, epsilon drawn from N(0, 1) with the shape of z_mean.

    Args:
        z_mean, z_log_var: (batch, latent_dim), arrays or tensors.
        seed: an int for keras.random.normal (None: a new draw every call).

    Textbook: DLwP listing 8.24 (latent-space-sampling function; see the module docstring for the /2).
    """
    # Hint: keras.random.normal(shape, seed=seed); keras.ops.exp.
    # BEGIN SOLUTION: the reparameterisation trick
    z_mean = keras.ops.convert_to_tensor(z_mean, "float32")
    epsilon = keras.random.normal(keras.ops.shape(z_mean), seed=seed)
    return z_mean + keras.ops.exp(keras.ops.convert_to_tensor(z_log_var, "float32") / 2) * epsilon
    # END SOLUTION


def build_decoder(latent_dim=2):
    """Return the decoder: a keras.Model from (batch, latent_dim) points to (batch, 28, 28, 1) images with values in [0, 1].

    Dense(14 * 14 * 64, relu) -> Reshape((14, 14, 64)) -> Conv2DTranspose(32, 3, relu, strides=2,
    padding="same") -> Conv2D(1, 3, sigmoid, padding="same"). Not compiled.

    Textbook: DLwP listing 8.25 (VAE decoder network).
    """
    # BEGIN SOLUTION: dense up to a feature map, transposed convolution up to 28 x 28
    return keras.Sequential([
        keras.Input(shape=(latent_dim,)),
        layers.Dense(14 * 14 * 64, activation="relu"),
        layers.Reshape((14, 14, 64)),
        layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(1, 3, padding="same", activation="sigmoid"),
    ], name="decoder")
    # END SOLUTION


def kl_divergence(z_mean, z_log_var):
    """Return the KL divergence of N(z_mean, exp(z_log_var)) from N(0, 1) for each sample: shape (batch,).

        KL = -0.5 * sum over latent dimensions of (1 + z_log_var - z_mean**2 - exp(z_log_var))

    Textbook: DLwP listing 8.26 (the book's first edition scales a mean by 5e-4; this is the full term).
    """
    # BEGIN SOLUTION: the closed form, summed over the last axis
    z_mean = keras.ops.convert_to_tensor(z_mean, "float32")
    z_log_var = keras.ops.convert_to_tensor(z_log_var, "float32")
    return -0.5 * keras.ops.sum(1 + z_log_var - keras.ops.square(z_mean) - keras.ops.exp(z_log_var), axis=-1)
    # END SOLUTION


def vae_loss(images, reconstructions, z_mean, z_log_var):
    """Return the VAE loss (a scalar): the batch mean of (binary cross-entropy summed over the pixels + KL divergence).

    Args:
        images: (batch, 28, 28, 1) in [0, 1]; reconstructions: the decoder's output, same shape.
        z_mean, z_log_var: the encoder's outputs for images, (batch, latent_dim).

    Textbook: DLwP listing 8.26 (VAE loss); keras.losses.binary_crossentropy averages over the
    last axis (1 channel here), so sum what it returns over height and width.
    """
    # BEGIN SOLUTION: per-image reconstruction sum plus KL, averaged over the batch
    images = keras.ops.convert_to_tensor(images, "float32")
    reconstructions = keras.ops.convert_to_tensor(reconstructions, "float32")
    reconstruction = keras.ops.sum(keras.losses.binary_crossentropy(images, reconstructions), axis=(1, 2))
    return keras.ops.mean(reconstruction + kl_divergence(z_mean, z_log_var))
    # END SOLUTION


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
    # Hint: decode all n * n points in one predict call, then place each digit in its block.
    # BEGIN SOLUTION: quantiles, one batch of points, tiled into a figure
    from scipy.stats import norm

    grid = norm.ppf(np.linspace(0.05, 0.95, n))
    points = np.array([[x, y] for y in grid for x in grid], dtype="float32")
    digits = np.asarray(decoder.predict(points, verbose=0)).reshape(n, n, digit_size, digit_size)
    figure = digits.transpose(0, 2, 1, 3).reshape(n * digit_size, n * digit_size)
    if path is not None:
        keras.utils.save_img(str(path), figure[..., None] * 255.0, scale=False)
    return figure
    # END SOLUTION
