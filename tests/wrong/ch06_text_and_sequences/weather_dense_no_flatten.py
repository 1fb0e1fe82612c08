# Wrong: Dense layers straight on the (timesteps, features) window: one prediction per timestep, not one per window.
import keras
from keras import layers


def build_dense_baseline(lookback_steps, features):
    model = keras.Sequential([keras.Input(shape=(lookback_steps, features)), layers.Dense(32, activation="relu"), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
