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
    raise NotImplementedError("a convolutional trunk with two linear heads")


def sampling(z_mean, z_log_var, seed=None):
    """Return z = z_mean + exp(z_log_var / 2) * epsilon, epsilon drawn from N(0, 1) with the shape of z_mean.

    Args:
        z_mean, z_log_var: (batch, latent_dim), arrays or tensors.
        seed: an int for keras.random.normal (None: a new draw every call).

    Textbook: DLwP listing 8.24 (latent-space-sampling function; see the module docstring for the /2).
    """
    # Hint: keras.random.normal(shape, seed=seed); keras.ops.exp.
    raise NotImplementedError("the reparameterisation trick")


def build_decoder(latent_dim=2):
    """Return the decoder: a keras.Model from (batch, latent_dim) points to (batch, 28, 28, 1) images with values in [0, 1].

    Dense(14 * 14 * 64, relu) -> Reshape((14, 14, 64)) -> Conv2DTranspose(32, 3, relu, strides=2,
    padding="same") -> Conv2D(1, 3, sigmoid, padding="same"). Not compiled.

    Textbook: DLwP listing 8.25 (VAE decoder network).
    """
    raise NotImplementedError("dense up to a feature map, transposed convolution up to 28 x 28")


def kl_divergence(z_mean, z_log_var):
    """Return the KL divergence of N(z_mean, exp(z_log_var)) from N(0, 1) for each sample: shape (batch,).

        KL = -0.5 * sum over latent dimensions of (1 + z_log_var - z_mean**2 - exp(z_log_var))

    Textbook: DLwP listing 8.26 (the book's first edition scales a mean by 5e-4; this is the full term).
    """
    raise NotImplementedError("the closed form, summed over the last axis")


def vae_loss(images, reconstructions, z_mean, z_log_var):
    """Return the VAE loss (a scalar): the batch mean of (binary cross-entropy summed over the pixels + KL divergence).

    Args:
        images: (batch, 28, 28, 1) in [0, 1]; reconstructions: the decoder's output, same shape.
        z_mean, z_log_var: the encoder's outputs for images, (batch, latent_dim).

    Textbook: DLwP listing 8.26 (VAE loss); keras.losses.binary_crossentropy averages over the
    last axis (1 channel here), so sum what it returns over height and width.
    """
    raise NotImplementedError("per-image reconstruction sum plus KL, averaged over the batch")


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
    raise NotImplementedError("quantiles, one batch of points, tiled into a figure")
