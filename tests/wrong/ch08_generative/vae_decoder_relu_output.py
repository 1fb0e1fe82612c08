# Wrong here: a relu output: not a probability per pixel for binary cross-entropy.
import keras
from keras import layers


def build_decoder(latent_dim=2):
    return keras.Sequential([keras.Input(shape=(latent_dim,)), layers.Dense(14 * 14 * 64, activation="relu"), layers.Reshape((14, 14, 64)),
                             layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
                             layers.Conv2D(1, 3, padding="same", activation="relu")])
