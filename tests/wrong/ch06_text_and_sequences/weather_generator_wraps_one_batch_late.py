# Wrong (blind tester): wrap test uses > instead of >= (i + batch_size > max_index), yielding one batch the book never yields
import numpy as np


def generator(data, lookback, delay, min_index, max_index, shuffle=False, batch_size=128, step=6, target_column=0,
              seed=None):
    if max_index is None:
        max_index = len(data) - delay - 1
    if max_index + delay >= len(data) or min_index + lookback >= max_index:
        raise ValueError("windows run past the data")
    rng = np.random.default_rng(seed)
    i = min_index + lookback
    while True:
        if shuffle:
            rows = rng.integers(min_index + lookback, max_index, size=batch_size)
        else:
            if i + batch_size > max_index:
                i = min_index + lookback
            rows = np.arange(i, min(i + batch_size, max_index))
            i += len(rows)
        samples = np.zeros((len(rows), lookback // step, data.shape[-1]))
        targets = np.zeros((len(rows),))
        for j, row in enumerate(rows):
            samples[j] = data[range(row - lookback, row, step)]
            targets[j] = data[row + delay][target_column]
        yield samples, targets
