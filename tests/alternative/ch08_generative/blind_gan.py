# Right, written differently (a blind tester, who saw only the sheet and the stubs).
"""Chapter 8, exercise 6: a deep convolutional GAN (DCGAN).

Textbook: DLwP §8.5 "Introduction to generative adversarial networks": listings 8.29–8.32.
A generator turns random latent vectors into images; a discriminator tells generated
images from real ones; the GAN chains them with the discriminator frozen, so training
the GAN moves only the generator, towards images the discriminator calls real.

Keras 3 and `trainable`: Keras 2 froze the discriminator inside the GAN at compile time;
Keras 3 reads `trainable` when a model's training function is first built (its first
`train_on_batch`). So set `discriminator.trainable = True` before the discriminator's own
step and `False` before the GAN's step; the book's code without this never trains the
discriminator at all. The book's `decay=1e-8` has no Keras 3 equivalent and is left out.

The book's generator and discriminator are for 32 x 32 x 3 images (CIFAR-10 frogs) with
256 and 128 filters; the builders take the image size, channels and filters, so the
graders can also train them small on 28 x 28 x 1 digits.
"""

import numpy as np
import keras
from keras import layers


def build_generator(latent_dim=32, height=32, width=32, channels=3, filters=256):
    """Return the generator: a keras.Model from (batch, latent_dim) vectors to (batch, height, width, channels) images in [-1, 1].

    Dense((filters // 2) * (height // 2) * (width // 2)) -> LeakyReLU -> Reshape((height // 2, width // 2, filters // 2))
    -> Conv2D(filters, 5, padding="same") -> LeakyReLU
    -> Conv2DTranspose(filters, 4, strides=2, padding="same") -> LeakyReLU      (upsampled to height x width)
    -> Conv2D(filters, 5, padding="same") -> LeakyReLU -> Conv2D(filters, 5, padding="same") -> LeakyReLU
    -> Conv2D(channels, 7, activation="tanh", padding="same").
    LeakyReLU with Keras's default negative slope. Not compiled.

    Textbook: DLwP listing 8.29 (with the defaults: Dense(128 * 16 * 16), Reshape((16, 16, 128)), 256 filters).
    """
    half_h, half_w, half_f = height // 2, width // 2, filters // 2
    return keras.Sequential([
        keras.Input(shape=(latent_dim,)),
        layers.Dense(half_f * half_h * half_w),
        layers.LeakyReLU(),
        layers.Reshape([half_h, half_w, half_f]),
        layers.Conv2D(filters, (5, 5), padding="same"),
        layers.LeakyReLU(),
        layers.Conv2DTranspose(filters, (4, 4), strides=(2, 2), padding="same"),
        layers.LeakyReLU(),
        layers.Conv2D(filters, (5, 5), padding="same"),
        layers.LeakyReLU(),
        layers.Conv2D(filters, (5, 5), padding="same"),
        layers.LeakyReLU(),
        layers.Conv2D(channels, (7, 7), activation="tanh", padding="same"),
    ], name="generator")


def build_discriminator(height=32, width=32, channels=3, filters=128):
    """Return the discriminator, compiled: a keras.Model from (batch, height, width, channels) images to (batch, 1) probabilities.

    Conv2D(filters, 3) -> LeakyReLU -> three times [Conv2D(filters, 4, strides=2) -> LeakyReLU]
    (padding "valid" throughout) -> Flatten -> Dropout(0.4) -> Dense(1, sigmoid).
    Compiled with RMSprop(learning_rate=0.0008, clipvalue=1.0) (gradient clipping) and
    binary cross-entropy.

    Textbook: DLwP listing 8.30.
    """
    model = keras.Sequential(name="discriminator")
    model.add(keras.Input(shape=(height, width, channels)))
    model.add(layers.Conv2D(filters, 3))
    model.add(layers.LeakyReLU())
    for _ in range(3):
        model.add(layers.Conv2D(filters, 4, strides=2))
        model.add(layers.LeakyReLU())
    model.add(layers.Flatten())
    model.add(layers.Dropout(0.4))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0008, clipvalue=1.0),
                  loss=keras.losses.BinaryCrossentropy())
    return model


def build_gan(generator, discriminator, latent_dim=32):
    """Return the GAN, compiled: discriminator(generator(z)) for (batch, latent_dim) inputs, with the discriminator frozen.

    Set discriminator.trainable = False before compiling, so that training the GAN moves
    only the generator. Compiled with RMSprop(learning_rate=0.0004, clipvalue=1.0) and
    binary cross-entropy.

    Textbook: DLwP listing 8.31.
    """
    discriminator.trainable = False
    gan = keras.Sequential([keras.Input(shape=(latent_dim,)), generator, discriminator], name="gan")
    gan.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0004, clipvalue=1.0),
                loss=keras.losses.BinaryCrossentropy())
    return gan


def discriminator_labels(batch_size, rng):
    """Return the discriminator's targets for [batch_size generated images, then batch_size real ones]: float32 (2 * batch_size, 1).

    The book labels generated images 1 and real ones 0, then adds noise:
    labels + 0.05 * uniform random numbers in [0, 1), drawn with rng (a np.random.Generator).

    Textbook: DLwP listing 8.32 ("add random noise to the labels: an important trick").
    """
    labels = np.repeat(np.array([1.0, 0.0]), batch_size)           # generated first, then real
    labels = labels + 0.05 * rng.uniform(0.0, 1.0, size=2 * batch_size)
    return labels.reshape(-1, 1).astype(np.float32)


def train_discriminator(generator, discriminator, real_images, latent_dim, rng):
    """Return the discriminator's loss (a float) after one step on generated and real images.

    Draw len(real_images) latent vectors from a standard normal with rng, generate images
    from them, and train the discriminator (trainable!) on [generated, real] with
    discriminator_labels. The generator must not change.

    Textbook: DLwP listing 8.32 (the first half of the training step).
    """
    real_images = np.asarray(real_images, dtype="float32")
    batch_size = len(real_images)
    latent = rng.normal(size=(batch_size, latent_dim)).astype("float32")
    generated = np.asarray(generator(latent, training=False), dtype="float32")
    combined = np.vstack([generated, real_images])
    labels = discriminator_labels(batch_size, rng)
    discriminator.trainable = True
    loss = discriminator.train_on_batch(combined, labels)
    return float(np.ravel(loss)[0])


def train_generator(gan, discriminator, batch_size, latent_dim, rng):
    """Return the GAN's loss (a float) after one step that trains the generator to fool the discriminator.

    Draw batch_size latent vectors with rng and train the GAN on them with "misleading"
    targets: all zeros, the label of real images. Freeze the discriminator first
    (discriminator.trainable = False): its weights must not change.

    Textbook: DLwP listing 8.32 (the second half of the training step).
    """
    discriminator.trainable = False
    latent = rng.normal(size=(batch_size, latent_dim)).astype("float32")
    misleading_targets = np.zeros((batch_size, 1), dtype="float32")
    loss = gan.train_on_batch(latent, misleading_targets)
    return float(np.ravel(loss)[0])
