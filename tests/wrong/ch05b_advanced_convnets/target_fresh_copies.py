# Wrong: builds new layers of the same shape (fresh random weights) instead of inheriting the base's trained ones.
import keras
from keras import layers


def build_target_network(base, num_classes=5):
    copies = [layer.__class__.from_config(layer.get_config()) for layer in base.layers[:-2]]
    for layer in copies:
        layer.trainable = False
    model = keras.Sequential([keras.Input(shape=base.input_shape[1:]), *copies,
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
