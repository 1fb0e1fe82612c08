# Wrong: forgets strides: counts every position a window can start at.
def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    if padding == "same":
        return length
    return length - dilation_rate * (kernel_size - 1)
