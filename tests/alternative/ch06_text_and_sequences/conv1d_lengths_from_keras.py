# Right (blind tester): the lengths read from Keras's own layers.
from keras import layers


def conv1d_output_length(length, kernel_size, strides=1, padding="valid", dilation_rate=1):
    layer = layers.Conv1D(1, kernel_size, strides=strides, padding=padding, dilation_rate=dilation_rate)
    return layer.compute_output_shape((None, length, 1))[1]


def pooling1d_output_length(length, pool_size, strides=None, padding="valid"):
    layer = layers.MaxPooling1D(pool_size, strides=strides, padding=padding)
    return layer.compute_output_shape((None, length, 1))[1]
