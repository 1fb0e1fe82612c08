# Wrong: a pooling window moves one pixel at a time by default (Keras moves it by pool_size).
def pool_output_size(n, pool_size=2, stride=None, padding="valid"):
    return conv_output_size(n, pool_size, padding, 1 if stride is None else stride)
