# Wrong: the book's listing 6.4 with Python's salted hash(): the buckets change every time Python starts.
import numpy as np


def hashed_one_hot(samples, dimensionality=1000, max_length=10):
    results = np.zeros((len(samples), max_length, dimensionality), dtype="float32")
    for i, sample in enumerate(samples):
        for j, word in list(enumerate(sample.split()))[:max_length]:
            results[i, j, abs(hash(word)) % dimensionality] = 1.0
    return results
