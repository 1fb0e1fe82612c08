"""Wrong: shuffles data with an arrow of time before holding out the last part (a temporal leak)."""
import numpy as np


def temporal_split(timestamps, num_validation):
    order = np.random.default_rng(0).permutation(len(timestamps))
    cut = len(order) - num_validation
    return order[:cut], order[cut:]
