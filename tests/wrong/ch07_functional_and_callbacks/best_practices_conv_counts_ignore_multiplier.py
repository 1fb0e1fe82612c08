# Wrong: the pointwise step mixes in_channels maps, forgetting that the depthwise step made depth_multiplier maps per channel.


def conv_parameter_counts(in_channels, filters, kernel_size, depth_multiplier=1, use_bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    bias = filters if use_bias else 0
    return kh * kw * in_channels * filters + bias, kh * kw * in_channels * depth_multiplier + in_channels * filters + bias
