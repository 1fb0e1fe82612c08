"""Wrong: holds out the last samples in the order they arrived, not the latest in time."""
import numpy as np


def temporal_split(timestamps, num_validation):
    order = np.arange(len(timestamps))
    cut = len(order) - num_validation
    return order[:cut], order[cut:]
