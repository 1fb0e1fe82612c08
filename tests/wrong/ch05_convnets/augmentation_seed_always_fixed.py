"""Wrong: seed=None is taken as 'use a fixed seed', so every run augments the same way."""
import keras
from keras import layers


def build_augmentation(seed=None):
    seed = 1337 if seed is None else seed
    return keras.Sequential([layers.RandomRotation(40 / 360, seed=seed), layers.RandomTranslation(0.2, 0.2, seed=seed),
                             layers.RandomZoom(0.2, seed=seed), layers.RandomFlip("horizontal", seed=seed)])
