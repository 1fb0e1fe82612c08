# Wrong: fills with zeros whatever `value` says: right only when value=0.
import numpy as np


def pad(sequences, maxlen, padding="pre", truncating="pre", value=0):
    padded = np.zeros((len(sequences), maxlen), dtype="int32")
    for row, sequence in enumerate(sequences):
        kept = list(sequence)[-maxlen:] if truncating == "pre" else list(sequence)[:maxlen]
        if not kept:
            continue
        if padding == "pre":
            padded[row, maxlen - len(kept):] = kept
        else:
            padded[row, :len(kept)] = kept
    return padded
