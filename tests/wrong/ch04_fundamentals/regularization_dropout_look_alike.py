"""Wrong (a cheat): a do-nothing layer class named Dropout, with Dropout's config."""
import keras
from keras import layers


class Dropout(layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs):
        return inputs

    def get_config(self):
        return {**super().get_config(), "rate": self.rate}


def build_dropout_model(rate=0.5, input_dim=10000):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(16, activation="relu"), Dropout(rate),
                              layers.Dense(16, activation="relu"), Dropout(rate), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
