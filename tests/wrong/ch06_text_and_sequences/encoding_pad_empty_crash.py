# Wrong: padded[row, -len(kept):] with an empty sequence is padded[row, -0:], the whole row: it raises on an empty sequence.
import numpy as np


def pad(sequences, maxlen, padding="pre", truncating="pre", value=0):
    padded = np.full((len(sequences), maxlen), value, dtype="int32")
    for row, sequence in enumerate(sequences):
        kept = list(sequence)[-maxlen:] if truncating == "pre" else list(sequence)[:maxlen]
        if padding == "pre":
            padded[row, -len(kept):] = kept
        else:
            padded[row, :len(kept)] = kept
    return padded
