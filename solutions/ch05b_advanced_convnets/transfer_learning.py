"""Chapter 5b, exercise 4: transfer learning from a base task to a target task, measured.

Textbook: seed 002, "Transfer learning: an introduction" (figure 4-6): train a BASE
NETWORK on a large BASE DATASET; build a TARGET NETWORK whose first layers are the
base network's, with their learned weights, FROZEN; train only its new last layers on
the small TARGET DATASET. "If the target dataset is small, the best strategy is to
freeze the layers inherited from the base network."

Offline and small enough for a laptop: the base task is MNIST digits 0-4 (about
2,000 images), the target task digits 5-9 with only a few hundred images. The
graders train the base network themselves, hand it to your `build_target_network`,
check that the inherited layers arrive with the base's weights and stay frozen, and
measure the target network on digits 5-9 after training it on 100 of them. For the
seed's claim they also hand it a base trained on all of MNIST and train your target
network on only 30 of scikit-learn's scanned digits: it must beat the same network
trained from scratch on those 30 images.
"""

import keras
import numpy as np
from keras import layers


def split_base_and_target(images, labels, base_classes=5):
    """Return ((base_images, base_labels), (target_images, target_labels)): one labelled set split into two tasks.

    Args:
        images: (n, ...) array.
        labels: (n,) integer class labels 0 .. k-1.
        base_classes: classes 0 .. base_classes-1 form the base task; the others the target task.

    Returns:
        The base task keeps the samples whose label is below `base_classes`, with their
        labels; the target task keeps the others, with labels shifted down by
        `base_classes` (digit 7 -> class 2). Both keep the samples' original order.
        The inputs are not changed.

    Textbook: seed 002, "base dataset" and "target dataset".
    """
    # Hint: a boolean mask selects samples along the first axis and keeps their order.
    # BEGIN SOLUTION: one mask, its complement, and a label shift
    images, labels = np.asarray(images), np.asarray(labels)
    in_base = labels < base_classes
    return (images[in_base], labels[in_base]), (images[~in_base], labels[~in_base] - base_classes)
    # END SOLUTION


def build_base_network(input_shape=(28, 28, 1), num_classes=5):
    """Return the compiled base network: a small MNIST convnet for the base task.

    Layers:
      Input -> Rescaling(1/255)
      Conv2D(32, 3x3, relu) -> MaxPooling2D(2) -> Conv2D(64, 3x3, relu) -> MaxPooling2D(2)
      -> Flatten -> Dense(64, relu) -> Dense(num_classes, softmax)
    121,605 parameters at the defaults. Compile with adam,
    sparse_categorical_crossentropy (integer labels) and accuracy.

    Textbook: seed 002 ("we train a base network on the base dataset"); DLwP §5.1 for the convnet.
    """
    # BEGIN SOLUTION: the chapter 5 convnet, smaller, with integer labels
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Rescaling(1 / 255),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION


def build_target_network(base, num_classes=5):
    """Return the compiled target network: the base's convolutional layers, frozen, and a new dense head.

    Args:
        base: a trained base network (as `build_base_network` builds it: its last two
            layers are the dense head Dense(64) -> Dense(classes)).
        num_classes: classes of the target task.

    The inherited layers are every layer of `base` up to and including Flatten: they
    keep the base's learned weights and are frozen (`trainable = False`) before
    compiling. The new layers, Dense(64, relu) -> Dense(num_classes, softmax), are the
    only ones that train (102,789 weights for 5 classes). Do not train anything here.
    Compile as the base network: adam, sparse_categorical_crossentropy, accuracy.

    Textbook: seed 002, "the first n_k layers ... are inherited from the base network and
    do not change while the target network trains; only the last and new layers are trained".
    """
    # Hint: base.layers[:-2] are the inherited layers; reuse those layer objects rather than new ones.
    # BEGIN SOLUTION: reuse the base's layers up to Flatten, freeze them, add a new head
    inherited = base.layers[:-2]
    for layer in inherited:
        layer.trainable = False
    model = keras.Sequential([keras.Input(shape=base.input_shape[1:]), *inherited,
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION
