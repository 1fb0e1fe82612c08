# Wrong here: always predicts from the seed's window, never sliding it over the generated text.
import numpy as np


def generate_text(model, seed_text, chars, length, temperature, rng):
    maxlen = model.input_shape[1]
    if set(seed_text) - set(chars):
        raise ValueError(f"unknown characters {set(seed_text) - set(chars)}")
    if len(seed_text) < maxlen:
        raise ValueError("seed too short")
    index = {c: k for k, c in enumerate(chars)}
    x = np.zeros((1, maxlen, len(chars)), dtype="float32")
    for t, char in enumerate(seed_text[-maxlen:]):
        x[0, t, index[char]] = 1
    out = []
    for _ in range(length):
        out.append(chars[sample(model.predict(x, verbose=0)[0], temperature, rng)])
    return "".join(out)
