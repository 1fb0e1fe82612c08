# Wrong here: draws with NumPy's global generator, ignoring rng: not reproducible from the seed.
import numpy as np


def sample(preds, temperature, rng):
    return int(np.argmax(np.random.multinomial(1, reweight_distribution(preds, temperature))))
