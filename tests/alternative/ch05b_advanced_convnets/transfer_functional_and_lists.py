# Right: a list comprehension for the split (lists of samples turned into arrays), and a functional target network
# built on the base's own Flatten output.
import keras
import numpy as np
from keras import layers


def split_base_and_target(images, labels, base_classes=5):
    base = [i for i, label in enumerate(labels) if label < base_classes]
    target = [i for i, label in enumerate(labels) if label >= base_classes]
    labels = np.asarray(labels)
    return [np.asarray(images)[base], labels[base]], [np.asarray(images)[target], labels[target] - base_classes]


def build_target_network(base, num_classes=5):
    flatten = next(layer for layer in base.layers if isinstance(layer, layers.Flatten))
    for layer in base.layers[:base.layers.index(flatten) + 1]:
        layer.trainable = False
    x = layers.Dense(64, activation="relu")(flatten.output)
    model = keras.Model(base.inputs, layers.Dense(num_classes, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model
