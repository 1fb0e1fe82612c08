# Wrong here: no label noise.
import numpy as np


def discriminator_labels(batch_size, rng):
    return np.concatenate([np.ones((batch_size, 1)), np.zeros((batch_size, 1))]).astype("float32")
