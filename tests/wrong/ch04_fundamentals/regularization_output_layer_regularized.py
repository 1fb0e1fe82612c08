"""Wrong: the output layer's kernel is regularised too."""
import keras
from keras import layers


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    model = keras.Sequential([
        keras.Input(shape=(input_dim,)),
        layers.Dense(16, activation="relu", kernel_regularizer=weight_regularizer(kind, factor)),
        layers.Dense(16, activation="relu", kernel_regularizer=weight_regularizer(kind, factor)),
        layers.Dense(1, activation="sigmoid", kernel_regularizer=weight_regularizer(kind, factor)),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
