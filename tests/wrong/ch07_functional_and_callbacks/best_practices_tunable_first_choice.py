# Wrong: declares both hyperparameters but builds with the first of each list, whatever value the tuner gives hp.
import keras
from keras import layers


def build_tunable_model(hp, units_choices=(32, 128), learning_rates=(1e-2, 1e-4)):
    hp.Choice("units", list(units_choices))
    hp.Choice("learning_rate", list(learning_rates))
    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Rescaling(1 / 255), layers.Flatten(),
                              layers.Dense(units_choices[0], activation="relu"), layers.Dense(10, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rates[0]), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
