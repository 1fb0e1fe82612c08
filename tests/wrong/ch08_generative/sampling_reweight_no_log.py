# Wrong here: p ** (1 / T) written as exp(p / T): the temperature scales the probabilities, not their logs.
import numpy as np


def reweight_distribution(original_distribution, temperature=0.5):
    if temperature <= 0:
        raise ValueError("temperature must be > 0")
    p = np.asarray(original_distribution, dtype="float64")
    if abs(p.sum() - 1) > 1e-3 or (p < 0).any():
        raise ValueError("not a distribution")
    weights = np.exp(p / temperature)
    return weights / weights.sum()
