# Wrong: numbers the words from 0 (len(token_index) before adding), so the first word takes the id the book reserves.
import numpy as np


def word_one_hot(samples, max_length=10):
    token_index = {}
    for sample in samples:
        for word in sample.split():
            if word not in token_index:
                token_index[word] = len(token_index)
    results = np.zeros((len(samples), max_length, max(token_index.values()) + 1), dtype="float32")
    for i, sample in enumerate(samples):
        for j, word in list(enumerate(sample.split()))[:max_length]:
            results[i, j, token_index[word]] = 1.0
    return token_index, results
