# Wrong: pads behind the ids (padding="post" by default) while truncating at the front.
import numpy as np


def pad(sequences, maxlen, padding="pre", truncating="pre", value=0):
    padded = np.full((len(sequences), maxlen), value, dtype="int32")
    for row, sequence in enumerate(sequences):
        kept = list(sequence)[-maxlen:] if truncating == "pre" else list(sequence)[:maxlen]
        padded[row, :len(kept)] = kept
    return padded
