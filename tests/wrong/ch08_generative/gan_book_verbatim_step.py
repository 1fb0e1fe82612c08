# Wrong here: the book's Keras 2 step verbatim: in Keras 3 the frozen discriminator never trains.
import numpy as np


def train_discriminator(generator, discriminator, real_images, latent_dim, rng):
    batch_size = len(real_images)
    generated = generator.predict(rng.normal(size=(batch_size, latent_dim)), verbose=0)
    combined = np.concatenate([generated, real_images])
    return float(np.asarray(discriminator.train_on_batch(combined, discriminator_labels(batch_size, rng))).reshape(-1)[0])
