# Correct, written differently: the book's formula (n + 2p - f) / s + 1 with the padding Keras adds for "same" made explicit.
def conv_output_size(n, f, padding="valid", stride=1):
    if padding == "valid":
        total_padding = 0
    else:
        wanted = -(-n // stride)
        total_padding = max((wanted - 1) * stride + f - n, 0)
    return int((n + total_padding - f) / stride) + 1


def pool_output_size(n, pool_size=2, stride=None, padding="valid"):
    stride = stride or pool_size
    return conv_output_size(n, pool_size, padding=padding, stride=stride)


def conv_params(f, in_channels, filters, use_bias=True):
    weights = f * f * in_channels * filters
    return weights + filters if use_bias else weights
