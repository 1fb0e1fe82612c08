# Wrong: a character outside string.printable is sent to index 0 (token_index.get(c, 0)) instead of leaving a row of zeros.
import string

import numpy as np


def character_one_hot(samples, max_length=50):
    token_index = dict(zip(string.printable, range(1, len(string.printable) + 1)))
    results = np.zeros((len(samples), max_length, len(string.printable) + 1), dtype="float32")
    for i, sample in enumerate(samples):
        for j, character in enumerate(sample[:max_length]):
            results[i, j, token_index.get(character, 0)] = 1.0
    return results
