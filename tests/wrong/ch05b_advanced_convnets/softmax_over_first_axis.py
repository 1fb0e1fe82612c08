# Wrong: normalises over axis 0 (the samples) instead of the last axis.
import numpy as np


def softmax(logits):
    logits = np.asarray(logits, dtype=float)
    e = np.exp(logits - logits.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
