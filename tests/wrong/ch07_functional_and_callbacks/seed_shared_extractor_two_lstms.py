# Wrong: each interpretation branch gets its own LSTM, so the feature extractor is not shared (145,544 parameters).
import keras
from keras import layers


def build_shared_feature_extractor():
    inputs = keras.Input(shape=(784, 1))
    branch_1 = layers.Dense(10, activation="relu")(layers.LSTM(128)(inputs))
    branch_2 = layers.Dense(64, activation="relu")(layers.LSTM(128)(inputs))
    branch_2 = layers.Dense(16, activation="relu")(layers.Dense(32, activation="relu")(branch_2))
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(layers.concatenate([branch_1, branch_2])))
