"""Graders for chapter 8, exercise 5: a variational autoencoder (DLwP §8.4).

The encoder and decoder are compared path by path and layer by layer. sampling is drawn
from many times: its mean and spread per latent dimension must be z_mean and
exp(z_log_var / 2). The KL term is compared with its closed form written through the
standard deviation, the loss with the grader's own. Then the grader trains its own VAE
built from your encoder and decoder architectures (fresh weights, the grader's loss and
loop): decoding the test digits' z_mean must reconstruct them clearly better than the
mean training image does. latent_grid runs on the grader's own small decoder.
"""

import numpy as np
import pytest

from kerakit.grading import (LOWER, Budget, assert_architecture, assert_branches, expect, expect_array,
                             expect_close, fresh_model, student_module)

vae = student_module("vae")

BUDGET = Budget(epochs=10, batch_size=64)  # 625 steps of Adam(1e-3), the KL weight rising from 0 to 1 over the first 250
KL_WARMUP_STEPS = 250


def encoder_paths(latent_dim):
    trunk = [
        {"class": "Conv2D", "filters": 32, "kernel_size": (3, 3), "strides": (1, 1), "padding": "same", "activation": "relu",
         "output_shape": (None, 28, 28, 32), "params": 320},
        {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "strides": (2, 2), "padding": "same", "activation": "relu",
         "output_shape": (None, 14, 14, 64), "params": 18496},
        {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "strides": (1, 1), "padding": "same", "activation": "relu",
         "output_shape": (None, 14, 14, 64), "params": 36928},
        {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "strides": (1, 1), "padding": "same", "activation": "relu",
         "output_shape": (None, 14, 14, 64), "params": 36928},
        {"class": "Flatten", "output_shape": (None, 12544)},
        {"class": "Dense", "units": 32, "activation": "relu", "output_shape": (None, 32), "params": 401440},
    ]
    head = {"class": "Dense", "units": latent_dim, "activation": "linear", "output_shape": (None, latent_dim), "params": 33 * latent_dim}
    return [[*trunk, head], [*trunk, head]]


def decoder_layers(latent_dim):
    return [
        {"class": "Dense", "units": 12544, "activation": "relu", "output_shape": (None, 12544), "params": (latent_dim + 1) * 12544},
        {"class": "Reshape", "output_shape": (None, 14, 14, 64)},
        {"class": "Conv2DTranspose", "filters": 32, "kernel_size": (3, 3), "strides": (2, 2), "padding": "same", "activation": "relu",
         "output_shape": (None, 28, 28, 32), "params": 18464},
        {"class": "Conv2D", "filters": 1, "kernel_size": (3, 3), "padding": "same", "activation": "sigmoid",
         "output_shape": (None, 28, 28, 1), "params": 289},
    ]


@pytest.mark.points(2)
def test_build_encoder(vae, rng):
    """build_encoder: four Conv2D (32, 64 strided, 64, 64) -> Flatten -> Dense(32) -> two Dense(latent_dim) heads z_mean, z_log_var."""
    for latent_dim in (2, int(rng.integers(3, 9))):
        what = f"build_encoder(latent_dim={latent_dim})"
        record = vae.build_encoder(latent_dim)
        assert_branches(record, encoder_paths(latent_dim), what)
        outputs = (record.config.get("config") or {}).get("output_layers")
        names = [item[0] for item in outputs] if isinstance(outputs, list) else outputs
        expect(names == ["z_mean", "z_log_var"], f"{what} should output [z_mean, z_log_var] from Dense layers of those names, "
                                                 f"in that order, got {names}")


@pytest.mark.points(2)
def test_build_decoder(vae, rng):
    """build_decoder: Dense(14*14*64, relu) -> Reshape -> Conv2DTranspose(32, 3, strides 2) -> Conv2D(1, 3, sigmoid)."""
    for latent_dim in (2, int(rng.integers(3, 9))):
        what = f"build_decoder(latent_dim={latent_dim})"
        assert_architecture(vae.build_decoder(latent_dim), decoder_layers(latent_dim), what)


@pytest.mark.points(3)
def test_sampling_statistics(vae, rng):
    """Over 20,000 draws, sampling's mean is z_mean and its standard deviation exp(z_log_var / 2), per latent dimension."""
    draws, latent_dim = 20_000, 3
    means = rng.uniform(-2, 2, size=latent_dim)
    log_vars = np.array([-1.5, 0.0, float(rng.uniform(0.8, 1.6))])
    z_mean = np.tile(means, (draws, 1)).astype("float32")
    z_log_var = np.tile(log_vars, (draws, 1)).astype("float32")
    what = f"sampling(z_mean={np.round(means, 2).tolist()}, z_log_var={np.round(log_vars, 2).tolist()}) over {draws} rows"
    z = expect_array(vae.sampling(z_mean, z_log_var, seed=int(rng.integers(1 << 20))), what, shape=(draws, latent_dim), kinds="f")
    want_std = np.exp(log_vars / 2)
    got_mean, got_std = z.mean(axis=0), z.std(axis=0)
    expect(np.all(np.abs(got_mean - means) < 5 * want_std / np.sqrt(draws)),
           f"{what}: the mean per dimension should be z_mean {np.round(means, 3).tolist()}, got {np.round(got_mean, 3).tolist()}")
    expect(np.all(np.abs(got_std / want_std - 1) < 0.04),
           f"{what}: the standard deviation per dimension should be exp(z_log_var / 2) = {np.round(want_std, 3).tolist()}, got "
           f"{np.round(got_std, 3).tolist()} (exp(z_log_var) is the variance, not the standard deviation)")
    seeded = [np.asarray(vae.sampling(z_mean[:50], z_log_var[:50], seed=7)) for _ in range(2)]
    expect(np.allclose(*seeded), "sampling(..., seed=7) gave other points on a second call: draw epsilon with keras.random.normal(..., seed=seed)")
    again = vae.sampling(z_mean[:50], z_log_var[:50], seed=None)
    other = vae.sampling(z_mean[:50], z_log_var[:50], seed=None)
    expect(not np.allclose(again, other), "sampling(..., seed=None) gave the same points twice: draw a new epsilon every call")


def grader_kl(z_mean, z_log_var):
    sigma = np.exp(np.asarray(z_log_var, dtype="float64") / 2)
    mu = np.asarray(z_mean, dtype="float64")
    return np.sum(0.5 * (sigma ** 2 + mu ** 2 - 1) - np.log(sigma), axis=-1)  # KL(N(mu, sigma^2) || N(0, 1)) per dimension, summed


@pytest.mark.points(2)
def test_kl_divergence(vae, rng):
    """kl_divergence equals KL(N(mu, sigma^2) from N(0, 1)) summed over the latent dimensions, per sample, on random values."""
    batch, latent_dim = int(rng.integers(3, 12)), int(rng.integers(2, 6))
    z_mean = rng.normal(size=(batch, latent_dim)).astype("float32")
    z_log_var = rng.uniform(-2, 1.5, size=(batch, latent_dim)).astype("float32")
    what = f"kl_divergence(<random ({batch}, {latent_dim})>, <random ({batch}, {latent_dim})>)"
    expect_close(vae.kl_divergence(z_mean, z_log_var), grader_kl(z_mean, z_log_var), what, rtol=1e-4, atol=1e-5)


def grader_bce_sum(images, reconstructions):
    p = np.clip(np.asarray(reconstructions, dtype="float64"), 1e-7, 1 - 1e-7)
    x = np.asarray(images, dtype="float64")
    return np.sum(-(x * np.log(p) + (1 - x) * np.log(1 - p)), axis=(1, 2, 3))


@pytest.mark.points(2)
def test_vae_loss(vae, rng):
    """vae_loss is the batch mean of binary cross-entropy summed over the pixels plus the KL divergence, on random values."""
    batch = int(rng.integers(3, 9))
    images = rng.uniform(size=(batch, 28, 28, 1)).astype("float32")
    reconstructions = rng.uniform(0.02, 0.98, size=(batch, 28, 28, 1)).astype("float32")
    z_mean, z_log_var = rng.normal(size=(batch, 2)).astype("float32"), rng.uniform(-1, 1, size=(batch, 2)).astype("float32")
    what = f"vae_loss(<{batch} random images>, <reconstructions>, z_mean, z_log_var)"
    got = np.asarray(vae.vae_loss(images, reconstructions, z_mean, z_log_var))
    expect(got.size == 1, f"{what} should be one number (the batch mean), got shape {got.shape}")
    want = float(np.mean(grader_bce_sum(images, reconstructions) + grader_kl(z_mean, z_log_var)))
    expect_close(float(got.reshape(())), want, what, rtol=1e-3)


def train_grader_vae(encoder, decoder, x_train, seed):
    """Train the grader's VAE loop on the two models: Adam(1e-3), the KL weight warmed up from 0 over KL_WARMUP_STEPS steps."""
    import keras
    import tensorflow as tf

    optimizer = keras.optimizers.Adam(1e-3)
    weights = encoder.trainable_weights + decoder.trainable_weights

    @tf.function
    def step(batch, kl_weight):
        with tf.GradientTape() as tape:
            z_mean, z_log_var = encoder(batch, training=True)
            z = z_mean + tf.exp(z_log_var / 2) * tf.random.normal(tf.shape(z_mean))
            reconstruction = decoder(z, training=True)
            bce = tf.reduce_sum(keras.losses.binary_crossentropy(batch, reconstruction), axis=(1, 2))
            kl = -0.5 * tf.reduce_sum(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)
            loss = tf.reduce_mean(bce + kl_weight * kl)
        optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))
        return loss

    order_rng, steps = np.random.default_rng(seed), 0
    for _ in range(BUDGET.epochs):
        order = order_rng.permutation(len(x_train))
        for start in range(0, len(x_train), BUDGET.batch_size):
            loss = step(x_train[order[start:start + BUDGET.batch_size]], tf.constant(min(1.0, steps / KL_WARMUP_STEPS), tf.float32))
            steps += 1
    return float(loss)


@pytest.mark.points(3)
@pytest.mark.timeout(300)
def test_vae_reconstructs_better_than_the_mean_digit(vae, digits, floors):
    """The grader's VAE from your encoder and decoder, trained from fresh weights, reconstructs test digits clearly better than the mean digit."""
    from kerakit.grading import seed_everything

    seed = seed_everything()
    encoder = fresh_model(vae.build_encoder(2), "build_encoder(latent_dim=2)", compile_with={"optimizer": "adam"})
    decoder = fresh_model(vae.build_decoder(2), "build_decoder(latent_dim=2)", compile_with={"optimizer": "adam"})
    encoder_shapes = [tuple(output.shape) for output in encoder.outputs]
    expect(encoder_shapes == [(None, 2), (None, 2)], f"build_encoder(latent_dim=2) should output [z_mean, z_log_var] of (batch, 2) "
                                                     f"each, got {encoder_shapes}")
    decoder_shape = tuple(decoder.outputs[0].shape)
    expect(decoder_shape == (None, 28, 28, 1), f"build_decoder(latent_dim=2) should output (batch, 28, 28, 1) images, got {decoder_shape}")
    final_loss = train_grader_vae(encoder, decoder, digits["x_train"], seed)
    expect(np.isfinite(final_loss), f"training the VAE from build_encoder(2) and build_decoder(2) gave a loss of {final_loss}")
    z_mean = encoder.predict(digits["x_test"], verbose=0)[0]
    reconstruction = grader_bce_sum(digits["x_test"], decoder.predict(z_mean, verbose=0)).mean()
    mean_digit = grader_bce_sum(digits["x_test"], np.broadcast_to(digits["x_train"].mean(axis=0), digits["x_test"].shape)).mean()
    floors.check("vae_reconstruction_over_mean_digit", float(reconstruction / mean_digit),
                 f"reconstruction loss of the test digits ({reconstruction:.1f}) over that of the mean digit ({mean_digit:.1f}) after "
                 f"{BUDGET.describe()}", LOWER, bound=1.0)


def grader_decoder(seed):
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input(shape=(2,)), layers.Dense(49, activation="tanh"), layers.Dense(8 * 8, activation="sigmoid"),
                             layers.Reshape((8, 8, 1))])


@pytest.mark.points(2)
def test_latent_grid(vae, rng, tmp_path):
    """latent_grid decodes the normal quantiles grid (x along columns, y down rows) into one image, and saves it as a PNG."""
    from scipy.stats import norm

    decoder = grader_decoder(int(rng.integers(1 << 20)))
    n = int(rng.integers(4, 9))
    path = tmp_path / "grid.png"
    what = f"latent_grid(<decoder of 8 x 8 digits>, n={n}, digit_size=8)"
    figure = expect_array(vae.latent_grid(decoder, n=n, digit_size=8, path=path), what, shape=(n * 8, n * 8), kinds="f")
    grid = norm.ppf(np.linspace(0.05, 0.95, n))
    for i, j in ((0, 0), (0, n - 1), (n - 1, 0), (int(rng.integers(n)), int(rng.integers(n)))):
        want = decoder.predict(np.array([[grid[j], grid[i]]], dtype="float32"), verbose=0)[0, ..., 0]
        expect_close(figure[i * 8:(i + 1) * 8, j * 8:(j + 1) * 8], want,
                     f"block (row {i}, column {j}) of {what}: the digit decoded at z = [grid[{j}], grid[{i}]]", rtol=1e-3, atol=1e-4)
    expect(path.exists(), f"{what} should save the grid as a PNG at path")
