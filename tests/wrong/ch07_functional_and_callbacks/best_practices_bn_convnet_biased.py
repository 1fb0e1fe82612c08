# Wrong: the first edition's order, BatchNormalization after a Conv2D and a Dense that keep their bias and relu
# (same layer count before the head, but redundant biases and the normalisation after the activation).
import keras
from keras import layers


def build_batchnorm_convnet(input_shape=(28, 28, 1), filters=32, units=64, num_classes=10):
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Rescaling(1 / 255),
        layers.Conv2D(filters, 3, activation="relu"),
        layers.BatchNormalization(),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(units, activation="relu"),
        layers.BatchNormalization(),
        layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
