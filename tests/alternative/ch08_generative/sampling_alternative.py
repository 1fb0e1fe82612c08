# Right, written differently: the book's formula without the max shift, rng.choice, a tolerance of its own.
import numpy as np


def reweight_distribution(original_distribution, temperature=0.5):
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, not {temperature}")
    distribution = np.array(original_distribution, dtype=np.float64)
    if np.any(distribution < 0) or abs(distribution.sum() - 1.0) > 1e-4:
        raise ValueError("original_distribution must be non-negative and sum to 1")
    with np.errstate(divide="ignore"):
        distribution = np.exp(np.log(distribution) / temperature)
    return distribution / np.sum(distribution)


def sample(preds, temperature, rng):
    probabilities = reweight_distribution(preds, temperature)
    return int(rng.choice(len(probabilities), p=probabilities))
