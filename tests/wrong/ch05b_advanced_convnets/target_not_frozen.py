# Wrong: inherits the base's layers but forgets to freeze them.
import keras
from keras import layers


def build_target_network(base, num_classes=5):
    model = keras.Sequential([keras.Input(shape=base.input_shape[1:]), *base.layers[:-2],
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
