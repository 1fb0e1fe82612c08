"""Chapter 5b, exercise 5: the seed's dogs-vs-cats models, and the bug in its transfer head.

Textbook: seed 002, "The dogs and cats problem": "The classical approach" (a small
CNN of 19,024,513 parameters at 150 x 150 x 3) and "Transfer learning with VGG16"
(VGG16's convolutional base, GlobalAveragePooling2D, Dense(1024), an output layer).

The seed's head is `Dense(1, activation="softmax")`. A softmax normalises over the
units of its layer, and over ONE unit exp(z) / exp(z) = 1 whatever z is: the model
predicts 1 for every image and no gradient reaches its weights. The book's printed
summary (15,242,050 parameters) belongs to the two-unit softmax head; the one-unit
head it wrote would have 15,241,025. Here you show the bug and fix it.

Nothing downloads: `keras.applications.VGG16(weights=None)` builds the architecture
with random weights.
"""

import keras
import numpy as np
from keras import layers


def build_small_cats_dogs_cnn(input_shape=(150, 150, 3)):
    """Return the seed's compiled small CNN for cats vs dogs.

    Layers: Conv2D(16, 3x3, relu) -> MaxPooling2D(2) -> Conv2D(64, 3x3, relu)
      -> MaxPooling2D(2) -> Conv2D(128, 3x3, relu) -> MaxPooling2D(2) -> Flatten
      -> Dense(512, relu) -> Dense(1, sigmoid).
    19,024,513 parameters at 150 x 150 x 3 (18,940,416 of them in the Dense(512)).
    Compile with keras.optimizers.RMSprop(), binary_crossentropy and accuracy.

    Textbook: seed 002, "The classical approach" (its model.summary()).
    """
    raise NotImplementedError("three conv/pool blocks with 16, 64, 128 filters, then the dense head")


def softmax(logits):
    """Return the softmax of `logits` over its last axis, as a float array of the same shape.

    softmax(z)_i = exp(z_i) / sum_j exp(z_j). Subtract each row's maximum first, so
    logits such as 1000 do not overflow. On logits of shape (n, 1) every value is 1.

    Textbook: seed 002 (`activation="softmax"`); DLwP §3.5.
    """
    raise NotImplementedError("subtract the row maximum, exponentiate, normalise over the last axis")


def output_gradients(model, inputs):
    """Return (predictions, gradients): the model's outputs and d(sum of outputs)/d(weights) for `inputs`.

    Args:
        model: a keras.Model.
        inputs: a batch the model accepts.

    Returns:
        predictions: the model's outputs, an (n, units) array.
        gradients: a list with one array per trainable weight (in
        `model.trainable_weights` order): the gradient of the sum of all outputs with
        respect to that weight. On the seed's Dense(1, softmax) head every prediction
        is 1 and every gradient is 0.

    Textbook: seed 002 (the head `Dense(1, activation="softmax")`); DLwP §2.4 for gradients.
    """
    # Hint: tf.GradientTape records the forward pass; tape.gradient(total, model.trainable_weights).
    raise NotImplementedError("a GradientTape over the forward pass")


def build_vgg16_transfer(num_outputs=1, input_shape=(150, 150, 3)):
    """Return the seed's transfer model with its head FIXED: VGG16's base, pooling, Dense(1024), a working classifier.

    Layers: keras.applications.VGG16(include_top=False, weights=None, input_shape=input_shape)
      -> GlobalAveragePooling2D -> Dense(1024, relu) -> Dense(num_outputs, activation).
    The activation is the fix of the seed's bug: "sigmoid" for one output unit (the
    probability of "dog"), "softmax" for two or more units. 14,714,688 + 0 + 525,312
    + head parameters: 15,241,025 with one unit, 15,242,050 with two. Not compiled.

    Textbook: seed 002, "Transfer learning with VGG16" (its summary prints 15,242,050).
    """
    raise NotImplementedError("the base's output through pooling and two Dense layers; sigmoid for one unit")
