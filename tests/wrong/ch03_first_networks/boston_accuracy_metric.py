"""Wrong: a regression model that reports accuracy beside mae."""
import keras
from keras import layers


def build_boston_model(num_features=13):
    model = keras.Sequential([keras.Input(shape=(num_features,)), layers.Dense(64, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae", "accuracy"])
    return model
