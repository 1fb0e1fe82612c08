# Wrong: counts the output pixels as if the padding were always "valid", and forgets the biases.
def conv_cost(height, width, in_channels, f, filters, padding="valid", stride=1):
    out_h, out_w = (height - f) // stride + 1, (width - f) // stride + 1
    return f * f * in_channels * filters, out_h * out_w * filters * f * f * in_channels
