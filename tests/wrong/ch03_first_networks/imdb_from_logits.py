"""Wrong: the loss is computed from logits although the last layer already applies sigmoid."""
import keras
from keras import layers


def build_imdb_model(input_dim=10000):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(16, activation="relu"),
                              layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
    return model
