# Wrong: the book's listing 6.2 as printed: the dict maps ids to characters, so token_index.get(character) is None and
# results[i, j, None] = 1 fills the whole row with ones.
import string

import numpy as np


def character_one_hot(samples, max_length=50):
    characters = string.printable
    token_index = dict(zip(range(1, len(characters) + 1), characters))
    results = np.zeros((len(samples), max_length, max(token_index.keys()) + 1))
    for i, sample in enumerate(samples):
        for j, character in enumerate(sample):
            if j >= max_length:
                break
            index = token_index.get(character)
            results[i, j, index] = 1.0
    return results
