# Wrong: true division: a fraction of a timestep when the stride does not divide the length.
def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    if padding == "same":
        return length / strides
    return (length - dilation_rate * (kernel_size - 1) - 1) / strides + 1
