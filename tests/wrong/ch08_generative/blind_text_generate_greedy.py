# Wrong here (found by a blind tester): ignores temperature and rng and always takes the argmax (passes the T = 0.02 check, but every seed gives the same text)
import numpy as np


def generate_text(model, seed_text, chars, length, temperature, rng):
    maxlen = model.input_shape[1]
    char_indices = {c: i for i, c in enumerate(chars)}
    bad = [c for c in seed_text if c not in char_indices]
    if bad:
        raise ValueError(f"character {bad[0]!r} is not in chars")
    if len(seed_text) < maxlen:
        raise ValueError(f"seed_text has {len(seed_text)} characters, fewer than maxlen={maxlen}")
    sentence = seed_text[-maxlen:]
    generated = ""
    for _ in range(length):
        x = np.zeros((1, maxlen, len(chars)), dtype="float32")
        for t, c in enumerate(sentence):
            x[0, t, char_indices[c]] = 1.0
        next_char = chars[int(np.argmax(model.predict(x, verbose=0)[0]))]
        generated += next_char
        sentence = sentence[1:] + next_char
    return generated
