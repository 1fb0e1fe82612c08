# Wrong: a NumPy mean works on arrays but fails on the symbolic tensors fit traces.
import numpy as np


def mean_predictions(y_true, y_pred):
    return np.mean(y_pred)
