# Wrong here: characters indexed by first appearance in the sentences, not by position in chars.
import numpy as np


def vectorize(sentences, next_chars, chars):
    seen = []
    for char in "".join(sentences) + "".join(next_chars):
        if char not in seen:
            seen.append(char)
    seen += [c for c in chars if c not in seen]
    index = {c: k for k, c in enumerate(seen)}
    x = np.zeros((len(sentences), len(sentences[0]), len(chars)), dtype=bool)
    y = np.zeros((len(sentences), len(chars)), dtype=bool)
    for i, sentence in enumerate(sentences):
        for t, char in enumerate(sentence):
            x[i, t, index[char]] = True
        y[i, index[next_chars[i]]] = True
    return x, y
