# Wrong here: no validation: a zero temperature divides by zero and a bad distribution passes.
import numpy as np


def reweight_distribution(original_distribution, temperature=0.5):
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = np.exp(np.log(np.asarray(original_distribution, dtype="float64")) / temperature)
    return weights / weights.sum()
