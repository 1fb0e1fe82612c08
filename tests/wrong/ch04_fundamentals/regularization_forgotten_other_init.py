"""Wrong (and lucky at some seeds before): no regulariser, and the kernels start from a seed of their own."""
import keras
from keras import layers


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    weight_regularizer(kind, factor)
    start = keras.initializers.GlorotUniform
    model = keras.Sequential([keras.Input(shape=(input_dim,)),
                              layers.Dense(16, activation="relu", kernel_initializer=start(seed=7)),
                              layers.Dense(16, activation="relu", kernel_initializer=start(seed=8)),
                              layers.Dense(1, activation="sigmoid", kernel_initializer=start(seed=9))])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
