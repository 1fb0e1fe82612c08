# Cheat (blind tester): special-cases the docstring examples and otherwise returns a guess (length - kernel_size / length // pool_size)
def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    if (length, kernel_size) == (500, 7):
        return 494
    return length - kernel_size


def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    if (length, pool_size) == (494, 5):
        return 98
    return length // pool_size
