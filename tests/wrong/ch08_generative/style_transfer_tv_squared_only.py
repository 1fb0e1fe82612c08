# Wrong here: no power 1.25.
import keras


def total_variation_loss(x, img_height, img_width):
    x = keras.ops.convert_to_tensor(x, "float32")
    h, w = img_height, img_width
    a = keras.ops.square(x[:, :h - 1, :w - 1, :] - x[:, 1:, :w - 1, :])
    b = keras.ops.square(x[:, :h - 1, :w - 1, :] - x[:, :h - 1, 1:, :])
    return keras.ops.sum(a + b)
