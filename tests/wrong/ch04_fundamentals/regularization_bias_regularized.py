"""Wrong: the regulariser is put on the biases as well as on the kernels."""
import keras
from keras import layers


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    model = keras.Sequential([
        keras.Input(shape=(input_dim,)),
        layers.Dense(16, activation="relu", kernel_regularizer=weight_regularizer(kind, factor),
                     bias_regularizer=weight_regularizer(kind, factor)),
        layers.Dense(16, activation="relu", kernel_regularizer=weight_regularizer(kind, factor),
                     bias_regularizer=weight_regularizer(kind, factor)),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
