# Wrong: the book's network with ordinary Conv2D layers (282,282 parameters instead of 38,949).
import keras
from keras import layers


def build_separable_convnet(input_shape=(64, 64, 3), num_classes=10):
    stack = [keras.Input(shape=input_shape)]
    for filters in (32, 64, None, 64, 128, None, 64, 128):
        stack.append(layers.MaxPooling2D(2) if filters is None else layers.Conv2D(filters, 3, activation="relu"))
    model = keras.Sequential(stack + [layers.GlobalAveragePooling2D(), layers.Dense(32, activation="relu"),
                                      layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
