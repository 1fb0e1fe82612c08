# Wrong (a cheat): "shows" the bug by returning ones and zeros whatever the model is.
import numpy as np


def output_gradients(model, inputs):
    n = len(inputs)
    return np.ones((n, 1)), [np.zeros(w.shape) for w in model.trainable_weights]
