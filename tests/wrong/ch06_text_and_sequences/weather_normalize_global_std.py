# Wrong: one mean and one std for the whole training block instead of one per column.


def normalize(float_data, num_train):
    mean = float_data[:num_train].mean()
    std = float_data[:num_train].std()
    return (float_data - mean) / std, mean, std
