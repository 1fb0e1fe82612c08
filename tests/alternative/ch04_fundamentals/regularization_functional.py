"""Correct, written differently: the functional API, regulariser classes, separate Activation layers."""
import keras
from keras import layers, regularizers


def _classifier(input_dim, hidden, make_regularizer=None, rate=None):
    inputs = keras.Input(shape=(input_dim,))
    x = inputs
    for units in hidden:
        x = layers.Dense(units, kernel_regularizer=make_regularizer() if make_regularizer else None)(x)
        x = layers.Activation("relu")(x)
        if rate is not None:
            x = layers.Dropout(rate)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
    return model


def build_dense_classifier(hidden_units, input_dim=10000):
    return _classifier(input_dim, hidden_units)


def build_original_model(input_dim=10000):
    return _classifier(input_dim, (16, 16))


def build_smaller_model(input_dim=10000):
    return _classifier(input_dim, (4, 4))


def build_bigger_model(input_dim=10000, units=512):
    return _classifier(input_dim, (units, units))


def weight_regularizer(kind, factor=0.001):
    makers = {"l1": lambda: regularizers.L1(l1=factor), "l2": lambda: regularizers.L2(l2=factor),
              "l1_l2": lambda: regularizers.L1L2(l1=factor, l2=factor)}
    if kind not in makers:
        raise ValueError(f"no regulariser called {kind!r}; try l1, l2 or l1_l2")
    return makers[kind]()


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    weight_regularizer(kind, factor)
    return _classifier(input_dim, (16, 16), make_regularizer=lambda: weight_regularizer(kind, factor))


def build_dropout_model(rate=0.5, input_dim=10000):
    return _classifier(input_dim, (16, 16), rate=rate)
