# Wrong: the dropout argument is ignored.
_reference_build_small_convnet = build_small_convnet


def build_small_convnet(input_shape=(32, 32, 3), augmentation=None, dropout=0.0):
    return _reference_build_small_convnet(input_shape, augmentation, 0.0)
