# Wrong: padding="same" in the convolutions: the Dense(512) grows to 41,943,552 weights.
import keras
from keras import layers


def build_small_cats_dogs_cnn(input_shape=(150, 150, 3)):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for filters in (16, 64, 128):
        model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(layers.MaxPooling2D(2))
    model.add(layers.Flatten())
    model.add(layers.Dense(512, activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss="binary_crossentropy", metrics=["accuracy"])
    return model
