# Wrong: right arithmetic, no checks: NumPy broadcasts (n, k) with (1, k) and zip drops a model without a weight.
import numpy as np


def ensemble_predictions(predictions_list, weights):
    total = 0.0
    for weight, predictions in zip(weights, predictions_list):
        total = total + weight * np.asarray(predictions, dtype=float)
    return total / float(np.sum(weights))
