# Wrong: counts all four of BatchNormalization's weights as trainable (the moving mean and variance are not: fit updates
# them as running averages, the optimizer never does).


def batchnorm_parameters(input_shape, center=True, scale=True):
    features = int(input_shape[-1])
    return features * (2 + int(bool(center)) + int(bool(scale))), 0
