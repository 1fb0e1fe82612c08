# Wrong (a cheat): trains the classifier on the kit's digits before returning it, and forgets the Rescaling layer.
# The pretraining gains nothing (the grader trains from its own fresh weights); the missing Rescaling costs the architecture points.
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
