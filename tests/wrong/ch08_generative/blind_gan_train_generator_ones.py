# Wrong here (found by a blind tester): uses the usual convention's "real = 1" misleading targets, but here real images are labelled 0, so the generator is pushed to look fake
import numpy as np


def train_generator(gan, discriminator, batch_size, latent_dim, rng):
    discriminator.trainable = False
    z = rng.standard_normal((batch_size, latent_dim))
    return float(gan.train_on_batch(z, np.ones((batch_size, 1))))
