# Wrong: length // pool_size, right only for the default strides and "valid".
def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    return length // pool_size
