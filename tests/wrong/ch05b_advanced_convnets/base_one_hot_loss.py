# Wrong: categorical_crossentropy for integer labels (the sheet says sparse_categorical_crossentropy).
import keras
from keras import layers


def build_base_network(input_shape=(28, 28, 1), num_classes=5):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
                              layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
                              layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
