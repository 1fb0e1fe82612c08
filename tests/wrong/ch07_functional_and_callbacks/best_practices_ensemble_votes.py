# Wrong: a weighted majority vote (one-hot argmax of each model) instead of the weighted average of the predictions.
import numpy as np


def ensemble_predictions(predictions_list, weights):
    predictions = [np.asarray(p, dtype=float) for p in predictions_list]
    weights = np.asarray(weights, dtype=float)
    if len({p.shape for p in predictions}) != 1 or len(weights) != len(predictions) or np.any(weights < 0):
        raise ValueError("mismatched predictions or weights")
    votes = [np.eye(p.shape[1])[p.argmax(axis=1)] for p in predictions]
    return np.tensordot(weights, np.stack(votes), axes=1) / weights.sum()
