# Wrong (the book's evaluate_naive_method): averaged over whole generator batches, so the last rows never count.
import numpy as np


def common_sense_mae(data, lookback, delay, min_index, max_index, step=6, target_column=0):
    batch_size = 16
    steps = (max_index - min_index - lookback) // batch_size
    batches = generator(data, lookback, delay, min_index, max_index, batch_size=batch_size, step=step,  # noqa: F821 (the module's own)
                        target_column=target_column)
    maes = []
    for _ in range(max(steps, 1)):
        samples, targets = next(batches)
        maes.append(np.mean(np.abs(samples[:, -1, target_column] - targets)))
    return float(np.mean(maes))
