# Wrong: numbers the words in alphabetical order (sorted(set(words))) instead of the order they first appear.
import numpy as np


def word_one_hot(samples, max_length=10):
    words = sorted({word for sample in samples for word in sample.split()})
    token_index = {word: i + 1 for i, word in enumerate(words)}
    results = np.zeros((len(samples), max_length, len(token_index) + 1), dtype="float32")
    for i, sample in enumerate(samples):
        for j, word in enumerate(sample.split()[:max_length]):
            results[i, j, token_index[word]] = 1.0
    return token_index, results
