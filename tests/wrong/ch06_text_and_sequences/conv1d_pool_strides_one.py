# Wrong: reads strides=None as 1 instead of pool_size.
def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    strides = 1 if strides is None else strides
    if padding == "same":
        return -(-length // strides)
    return (length - pool_size) // strides + 1
