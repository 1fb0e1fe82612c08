# Wrong here: the discriminator is not frozen inside the GAN.
import keras


def build_gan(generator, discriminator, latent_dim=32):
    latent = keras.Input(shape=(latent_dim,))
    gan = keras.Model(latent, discriminator(generator(latent)))
    gan.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0004, clipvalue=1.0), loss="binary_crossentropy")
    return gan
