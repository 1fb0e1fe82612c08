# Wrong here: normalised with the layer's channels instead of the book's 3.
import keras


def style_loss(style, combination, img_height, img_width):
    channels = keras.ops.shape(style)[-1]
    size = img_height * img_width
    return keras.ops.sum(keras.ops.square(gram_matrix(style) - gram_matrix(combination))) / (4.0 * (channels ** 2) * (size ** 2))
