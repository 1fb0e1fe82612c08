# Wrong (a cheat): fine-tunes the base on the kit's target digits before freezing it, so the inherited weights are not the base's.
import keras
import numpy as np
from keras import layers


def build_target_network(base, num_classes=5):
    from kerakit.data import mnist
    (x, y), _ = mnist.load_data()
    keep = y >= 5
    base.fit(x[keep][..., None].astype("float32"), (y[keep] - 5).astype("int64"), epochs=1, batch_size=64, verbose=0)
    for layer in base.layers[:-2]:
        layer.trainable = False
    model = keras.Sequential([keras.Input(shape=base.input_shape[1:]), *base.layers[:-2],
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
