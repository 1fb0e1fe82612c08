# Wrong: treats "same" like "valid".
def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    span = dilation_rate * (kernel_size - 1) + 1
    return (length - span) // strides + 1
