# Wrong here (found by a blind tester): LeakyReLU(negative_slope=0.2) as in the DCGAN paper and the book's second edition, not Keras's default slope (0.3)
import keras
from keras import layers


def build_generator(latent_dim=32, height=32, width=32, channels=3, filters=256):
    inputs = keras.Input(shape=(latent_dim,))
    x = layers.Dense((filters // 2) * (height // 2) * (width // 2))(inputs)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    x = layers.Reshape((height // 2, width // 2, filters // 2))(x)
    x = layers.Conv2D(filters, 5, padding="same")(x)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    x = layers.Conv2DTranspose(filters, 4, strides=2, padding="same")(x)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    x = layers.Conv2D(filters, 5, padding="same")(x)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    x = layers.Conv2D(filters, 5, padding="same")(x)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    outputs = layers.Conv2D(channels, 7, activation="tanh", padding="same")(x)
    return keras.Model(inputs, outputs)
