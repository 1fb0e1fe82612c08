# Wrong: two LSTM layers, one per input: nothing is shared and the parameters double.
import keras
from keras import layers


def build_siamese_lstm(timesteps=None, features=128, units=32):
    left, right = keras.Input(shape=(timesteps, features)), keras.Input(shape=(timesteps, features))
    merged = layers.concatenate([layers.LSTM(units)(left), layers.LSTM(units)(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(merged))
