# Wrong: rounds (n - f) / s up instead of down for valid padding.
def conv_output_size(n, f, padding="valid", stride=1):
    if padding == "same":
        return math.ceil(n / stride)
    return math.ceil((n - f) / stride) + 1
