# Wrong: always keeps the FIRST maxlen ids (sequence[:maxlen]), whatever `truncating` says.
import numpy as np


def pad(sequences, maxlen, padding="pre", truncating="pre", value=0):
    padded = np.full((len(sequences), maxlen), value, dtype="int32")
    for row, sequence in enumerate(sequences):
        kept = list(sequence)[:maxlen]
        if not kept:
            continue
        if padding == "pre":
            padded[row, maxlen - len(kept):] = kept
        else:
            padded[row, :len(kept)] = kept
    return padded
