# Wrong here (found by a blind tester): concatenates [real, generated] while the labels say [generated = 1, real = 0], so the discriminator learns the labels backwards
import numpy as np


def train_discriminator(generator, discriminator, real_images, latent_dim, rng):
    batch_size = len(real_images)
    z = rng.standard_normal((batch_size, latent_dim))
    generated_images = generator.predict(z, verbose=0)
    combined_images = np.concatenate([real_images, generated_images])
    labels = discriminator_labels(batch_size, rng)
    discriminator.trainable = True
    return float(discriminator.train_on_batch(combined_images, labels))
