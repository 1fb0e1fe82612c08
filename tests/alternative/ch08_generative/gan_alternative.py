# Right, written differently: functional builders, the default slope spelled out, labels built in one expression.
import numpy as np
import keras
from keras import layers


def build_generator(latent_dim=32, height=32, width=32, channels=3, filters=256):
    z = keras.Input((latent_dim,))
    x = layers.LeakyReLU(negative_slope=0.3)(layers.Dense(filters // 2 * (height // 2) * (width // 2))(z))
    x = layers.Reshape((height // 2, width // 2, filters // 2))(x)
    x = layers.LeakyReLU(negative_slope=0.3)(layers.Conv2D(filters, 5, padding="same")(x))
    x = layers.LeakyReLU(negative_slope=0.3)(layers.Conv2DTranspose(filters, 4, strides=2, padding="same")(x))
    for _ in range(2):
        x = layers.LeakyReLU(negative_slope=0.3)(layers.Conv2D(filters, 5, padding="same")(x))
    return keras.Model(z, layers.Conv2D(channels, 7, padding="same", activation="tanh")(x))


def build_discriminator(height=32, width=32, channels=3, filters=128):
    image = keras.Input((height, width, channels))
    x = layers.LeakyReLU()(layers.Conv2D(filters, 3)(image))
    for _ in range(3):
        x = layers.LeakyReLU()(layers.Conv2D(filters, 4, strides=2)(x))
    x = layers.Dropout(0.4)(layers.Flatten()(x))
    model = keras.Model(image, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=8e-4, clipvalue=1.0), loss=keras.losses.BinaryCrossentropy())
    return model


def discriminator_labels(batch_size, rng):
    return (np.repeat([[1.0], [0.0]], batch_size, axis=0) + 0.05 * rng.uniform(size=(2 * batch_size, 1))).astype(np.float32)
