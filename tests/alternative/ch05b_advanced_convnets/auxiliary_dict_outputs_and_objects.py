# Right: dict outputs, loss objects in a list-free dict, loss_weights as a dict, metrics per output;
# losses written with tensorflow ops; the closure built with functools.partial.
import functools

import keras
import tensorflow as tf
from keras import layers


def build_auxiliary_classifier(input_shape=(28, 28, 1), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    part1 = layers.MaxPooling2D()(layers.Conv2D(16, (3, 3), padding="same", activation="relu")(x))
    part2 = layers.MaxPooling2D()(layers.Conv2D(32, (3, 3), padding="same", activation="relu")(part1))
    part3 = layers.GlobalAveragePooling2D()(layers.Conv2D(64, (3, 3), padding="same", activation="relu")(part2))
    outputs = {
        "main": layers.Dense(num_classes, activation="softmax", name="main")(part3),
        "aux2": layers.Dense(num_classes, activation="softmax", name="aux2")(layers.GlobalAveragePooling2D()(part2)),
        "aux1": layers.Dense(num_classes, activation="softmax", name="aux1")(layers.GlobalAveragePooling2D()(part1)),
    }
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(),
                  loss={name: keras.losses.CategoricalCrossentropy() for name in ("main", "aux1", "aux2")},
                  loss_weights={"aux1": 0.3, "aux2": 0.3, "main": 1.0},
                  metrics={"main": ["accuracy"], "aux1": ["accuracy"], "aux2": ["accuracy"]})
    return model


def mean_predictions(y_true, y_pred):
    return tf.reduce_mean(y_pred)


def _penalty(y_true, y_pred, weight):
    return weight * tf.reduce_mean(tf.square(y_pred), axis=-1)


def activation_penalty(weight):
    return functools.partial(_penalty, weight=weight)
