# Wrong: the first GRU already has the dropout of the next exercise.
import keras
from keras import layers


def build_gru(features):
    model = keras.Sequential([keras.Input(shape=(None, features)), layers.GRU(32, dropout=0.2, recurrent_dropout=0.2), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
