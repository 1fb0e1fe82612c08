# Wrong here: no gradient clipping.
import keras
from keras import layers


def build_discriminator(height=32, width=32, channels=3, filters=128):
    model = keras.Sequential([keras.Input(shape=(height, width, channels)), layers.Conv2D(filters, 3), layers.LeakyReLU(),
                              layers.Conv2D(filters, 4, strides=2), layers.LeakyReLU(), layers.Conv2D(filters, 4, strides=2),
                              layers.LeakyReLU(), layers.Conv2D(filters, 4, strides=2), layers.LeakyReLU(), layers.Flatten(),
                              layers.Dropout(0.4), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0008), loss="binary_crossentropy")
    return model
