"""Chapter 5, exercise 2: the book's first convnet, on MNIST digits.

Textbook: DLwP §5.1 "Introduction to convnets" (listings 5.1–5.3); seed 000 §三; seed 004 ch5.
Data: `kerakit.data.mnist.load_data()` (offline: 4,000 + 1,000 real MNIST digits, 28 x 28 uint8).
"""

import numpy as np
import keras
from keras import layers


def prepare_mnist(images, labels):
    """Return (x, y): images as (n, 28, 28, 1) float32 in [0, 1] and labels one-hot (n, 10) float32.

    Args:
        images: (n, 28, 28) uint8 digits with values 0-255.
        labels: (n,) integer digits 0-9.

    Textbook: DLwP listing 5.3 (reshape to (60000, 28, 28, 1), divide by 255, to_categorical).
    """
    # Hint: a convnet wants a channels axis last; keras.utils.to_categorical makes one-hot rows.
    # BEGIN SOLUTION: reshape to (n, 28, 28, 1), scale to [0, 1], one-hot the labels
    x = np.asarray(images, dtype="float32").reshape((-1, 28, 28, 1)) / 255.0
    y = keras.utils.to_categorical(labels, num_classes=10).astype("float32")
    return x, y
    # END SOLUTION


def build_mnist_convnet():
    """Return the book's compiled MNIST convnet: 93,322 parameters.

    Conv2D(32, 3, relu) -> MaxPooling2D(2) -> Conv2D(64, 3, relu) -> MaxPooling2D(2)
    -> Conv2D(64, 3, relu) -> Flatten -> Dense(64, relu) -> Dense(10, softmax).
    Input (batch, 28, 28, 1). The first conv has 320 parameters and outputs
    (26, 26, 32); the first pooling outputs (13, 13, 32); Flatten sees 3 x 3 x 64 = 576.
    Compile with rmsprop, categorical_crossentropy and the accuracy metric.

    Textbook: DLwP listings 5.1 and 5.2.
    """
    # Hint: keras.Input(shape=(28, 28, 1)) first; "valid" padding (the default) shrinks each conv by 2 pixels.
    # BEGIN SOLUTION: a keras.Sequential of the eight layers above, compiled
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, (3, 3), activation="relu"),
            layers.MaxPooling2D((2, 2)),
            layers.Conv2D(64, (3, 3), activation="relu"),
            layers.MaxPooling2D((2, 2)),
            layers.Conv2D(64, (3, 3), activation="relu"),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION
