# Wrong here: the shapes are not reversed (largest first).
def octave_shapes(original_shape, num_octave=3, octave_scale=1.4):
    return [tuple(int(dim / (octave_scale ** i)) for dim in original_shape) for i in range(num_octave)]
