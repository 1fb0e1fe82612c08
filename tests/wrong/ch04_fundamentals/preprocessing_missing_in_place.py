"""Wrong: fills the caller's array in place (the NaN are gone from the input afterwards)."""
import numpy as np


def fill_missing(data):
    missing = np.isnan(data)
    data[missing] = 0.0
    return np.concatenate([data, missing], axis=1).astype("float32")
