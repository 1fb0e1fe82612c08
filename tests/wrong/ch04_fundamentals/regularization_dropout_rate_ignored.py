"""Wrong: the rate argument is ignored (always 0.5)."""
import keras
from keras import layers


def build_dropout_model(rate=0.5, input_dim=10000):
    model = keras.Sequential([
        keras.Input(shape=(input_dim,)),
        layers.Dense(16, activation="relu"), layers.Dropout(0.5),
        layers.Dense(16, activation="relu"), layers.Dropout(0.5),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
