# Wrong: ignores the padding argument, so "same" is computed like "valid".
def conv_output_size(n, f, padding="valid", stride=1):
    return (n - f) // stride + 1
