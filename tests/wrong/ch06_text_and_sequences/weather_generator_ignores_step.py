# Wrong: every row of the window is kept (step ignored), so windows have lookback timesteps, not lookback // step.
import numpy as np


def generator(data, lookback, delay, min_index, max_index, shuffle=False, batch_size=128, step=6, target_column=0, seed=None):
    if max_index is None:
        max_index = len(data) - delay - 1
    if max_index + delay >= len(data) or min_index + lookback >= max_index:
        raise ValueError("the windows do not fit in the data")
    random = np.random.default_rng(seed)
    i = min_index + lookback
    while True:
        if shuffle:
            rows = random.integers(min_index + lookback, max_index, size=batch_size)
        else:
            if i + batch_size >= max_index:
                i = min_index + lookback
            rows = np.arange(i, min(i + batch_size, max_index))
            i += len(rows)
        samples = np.stack([data[row - lookback:row] for row in rows])
        targets = np.array([data[row + delay][target_column] for row in rows])
        yield samples, targets
