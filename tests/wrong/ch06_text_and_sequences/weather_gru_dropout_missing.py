# Wrong: only the input dropout; the recurrent state is not dropped.
import keras
from keras import layers


def build_gru_dropout(features):
    model = keras.Sequential([keras.Input(shape=(None, features)), layers.GRU(32, dropout=0.2), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
