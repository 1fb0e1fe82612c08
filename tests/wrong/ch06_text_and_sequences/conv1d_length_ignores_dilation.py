# Wrong: forgets that a dilated kernel spans dilation_rate * (kernel_size - 1) + 1 timesteps.
def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    if padding == "same":
        return -(-length // strides)
    return (length - kernel_size) // strides + 1
