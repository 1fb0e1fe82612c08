"""Chapter 8's training runs, written as TensorBoard logs by `kerakit solve ch08`.

    kerakit solve ch08                      # the reference, into solutions/.../logs/
    kerakit solve ch08 --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch08_generative/logs,mine:chapters/ch08_generative/logs
"""

import keras
import numpy as np
import tensorflow as tf

from kerakit.data import mnist, shakespeare
from kerakit.solve import tensorboard_callback

import text_generation
import vae


def run_char_lstm(log_dir):
    """Train build_char_lstm 10 epochs on windows of 40 characters every 3 from the first 100,000; validate on the end of Othello."""
    keras.utils.set_random_seed(1234)
    text = shakespeare.load_text()
    chars = sorted(set(text))
    x, y = text_generation.vectorize(*text_generation.make_sequences(text[:100_000], 40, 3), chars)
    x_val, y_val = text_generation.vectorize(*text_generation.make_sequences(text[520_000:530_000], 40, 5), chars)
    model = text_generation.build_char_lstm(40, len(chars))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=10, batch_size=128, validation_data=(x_val, y_val), callbacks=[tensorboard_callback(log_dir)], verbose=0)


class VariationalAutoencoder(keras.Model):
    """The encoder and decoder trained together with vae_loss; logs the loss and its reconstruction part."""

    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder = encoder, decoder
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.reconstruction_tracker = keras.metrics.Mean(name="reconstruction_loss")

    @property
    def metrics(self):
        return [self.loss_tracker, self.reconstruction_tracker]

    def _vae_losses(self, images, training):
        if isinstance(images, (tuple, list)):  # fit passes (x,) when there are no targets
            images = images[0]
        z_mean, z_log_var = self.encoder(images, training=training)
        reconstructions = self.decoder(vae.sampling(z_mean, z_log_var), training=training)
        total = vae.vae_loss(images, reconstructions, z_mean, z_log_var)
        return total, total - tf.reduce_mean(vae.kl_divergence(z_mean, z_log_var))

    def train_step(self, data):
        with tf.GradientTape() as tape:
            total, reconstruction = self._vae_losses(data, training=True)
        gradients = tape.gradient(total, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
        self.loss_tracker.update_state(total)
        self.reconstruction_tracker.update_state(reconstruction)
        return {metric.name: metric.result() for metric in self.metrics}

    def test_step(self, data):
        total, reconstruction = self._vae_losses(data, training=False)
        self.loss_tracker.update_state(total)
        self.reconstruction_tracker.update_state(reconstruction)
        return {metric.name: metric.result() for metric in self.metrics}


def run_vae(log_dir):
    """Train the VAE (2-D latent space) 10 epochs at batch 64 on the kit's 4,000 digits; validate on the 1,000 test digits."""
    keras.utils.set_random_seed(1234)
    (x_train, _), (x_test, _) = mnist.load_data()
    x_train, x_test = (x.astype("float32")[..., None] / 255.0 for x in (x_train, x_test))
    model = VariationalAutoencoder(vae.build_encoder(2), vae.build_decoder(2))
    model.compile(optimizer=keras.optimizers.Adam(1e-3))
    model.fit(x_train, epochs=10, batch_size=64, validation_data=tf.data.Dataset.from_tensor_slices(x_test).batch(64), callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"char_lstm": run_char_lstm, "vae": run_vae}
