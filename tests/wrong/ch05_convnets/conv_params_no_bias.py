# Wrong: forgets the bias of each filter.
def conv_params(f, in_channels, filters, use_bias=True):
    return f * f * in_channels * filters
