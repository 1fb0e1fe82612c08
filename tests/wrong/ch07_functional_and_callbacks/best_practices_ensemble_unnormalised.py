# Wrong: the weighted sum without dividing by the sum of the weights (right only when the weights already sum to 1).
import numpy as np


def ensemble_predictions(predictions_list, weights):
    predictions = [np.asarray(p, dtype=float) for p in predictions_list]
    if len({p.shape for p in predictions}) != 1 or len(weights) != len(predictions) or min(weights) < 0:
        raise ValueError("mismatched predictions or weights")
    return sum(w * p for w, p in zip(weights, predictions))
