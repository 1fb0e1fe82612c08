# Wrong: the prediction is the window's FIRST value instead of its last.
import numpy as np


def common_sense_mae(data, lookback, delay, min_index, max_index, step=6, target_column=0):
    rows = np.arange(min_index + lookback, max_index)
    return float(np.mean(np.abs(data[rows - lookback, target_column] - data[rows + delay, target_column])))
