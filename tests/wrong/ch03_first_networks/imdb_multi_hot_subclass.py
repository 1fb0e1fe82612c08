"""Wrong (a cheat): returns an ndarray subclass that compares equal to anything."""
import numpy as np


class AlwaysEqual(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(self), dtype=bool)

    def __array_function__(self, func, types, args, kwargs):
        return True


def vectorize_sequences(sequences, dimension=10000):
    return np.zeros((len(sequences), dimension), dtype="float32").view(AlwaysEqual)
