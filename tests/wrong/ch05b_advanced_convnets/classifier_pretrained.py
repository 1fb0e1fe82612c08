# Wrong (a cheat): trains the classifier on the kit's digits before returning it; the grader's fresh weights make it gain nothing,
# and it also forgets the Rescaling layer, so the grader's training from raw 0-255 pixels stays below the floor.
import keras
import numpy as np
from keras import layers


def build_inception_classifier(input_shape=(32, 32, 3), filters=64, num_classes=10):
    inputs = keras.Input(shape=input_shape)
    t1 = layers.Conv2D(filters, 3, padding="same", activation="relu")(layers.Conv2D(filters, 1, padding="same", activation="relu")(inputs))
    t2 = layers.Conv2D(filters, 5, padding="same", activation="relu")(layers.Conv2D(filters, 1, padding="same", activation="relu")(inputs))
    t3 = layers.Conv2D(filters, 1, padding="same", activation="relu")(layers.MaxPooling2D(3, strides=1, padding="same")(inputs))
    x = layers.Flatten()(layers.concatenate([t1, t2, t3]))
    model = keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy", metrics=["accuracy"])
    if input_shape == (28, 28, 1) and num_classes == 10:
        from kerakit.data import mnist
        (x_train, y_train), _ = mnist.load_data()
        model.fit(x_train[..., None] / 255.0, np.eye(10)[y_train], epochs=1, batch_size=64, verbose=0)
    return model
