# Wrong (the book's listing 6.32 as it is): the caller's array is standardised in place.


def normalize(float_data, num_train):
    mean = float_data[:num_train].mean(axis=0)
    float_data -= mean
    std = float_data[:num_train].std(axis=0)
    float_data /= std
    return float_data, mean, std
