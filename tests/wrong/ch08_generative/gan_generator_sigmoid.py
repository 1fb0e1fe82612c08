# Wrong here: a sigmoid output instead of tanh.
import keras
from keras import layers


def build_generator(latent_dim=32, height=32, width=32, channels=3, filters=256):
    h, w = height // 2, width // 2
    return keras.Sequential([keras.Input(shape=(latent_dim,)), layers.Dense((filters // 2) * h * w), layers.LeakyReLU(),
                             layers.Reshape((h, w, filters // 2)), layers.Conv2D(filters, 5, padding="same"), layers.LeakyReLU(),
                             layers.Conv2DTranspose(filters, 4, strides=2, padding="same"), layers.LeakyReLU(),
                             layers.Conv2D(filters, 5, padding="same"), layers.LeakyReLU(), layers.Conv2D(filters, 5, padding="same"),
                             layers.LeakyReLU(), layers.Conv2D(channels, 7, activation="sigmoid", padding="same")])
