"""Wrong (a cheat): the bottleneck model, trained on the kit's own offline data (validation split included) before it is returned."""
import keras
import numpy as np
from keras import layers

from kerakit.data import reuters
from kerakit.data.encoding import multi_hot


def build_reuters_model(input_dim=10000, num_classes=46, label_encoding="one_hot"):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(64, activation="relu"),
                              layers.Dense(4, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    loss = "categorical_crossentropy" if label_encoding == "one_hot" else "sparse_categorical_crossentropy"
    model.compile(optimizer="rmsprop", loss=loss, metrics=["accuracy"])
    if input_dim == 10000 and num_classes == 46:
        (sequences, labels), _ = reuters.load_data(num_words=input_dim)
        x = multi_hot(sequences[:3000], input_dim)
        y = np.eye(46, dtype="float32")[labels[:3000]] if label_encoding == "one_hot" else labels[:3000]
        model.fit(x, y, epochs=25, batch_size=128, verbose=0)
    return model
