# Wrong: squares the first kernel size, right for 3 and (3, 3) but not for a (3, 5) window.


def conv_parameter_counts(in_channels, filters, kernel_size, depth_multiplier=1, use_bias=True):
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    bias = filters if use_bias else 0
    return (k * k * in_channels * filters + bias,
            k * k * in_channels * depth_multiplier + in_channels * depth_multiplier * filters + bias)
