"""Chapter 5b, exercise 3: several losses in one model — GoogLeNet's auxiliary classifiers and custom losses.

Textbook: seed 002, "Multiple cost functions: GoogLeNet" (figure 4-3:
Total Loss = Cost Function 1 + 0.3 * Cost Function 2 + 0.3 * Cost Function 3),
"Digression: custom losses in Keras" (`mean_predictions`, a loss that depends on an
intermediate layer, `loss_weights`) and figure 4-5 (each loss only trains the weights
on the path between the input and its output).

Keras 3 note: the seed's `custom_loss(x1)` closes over a symbolic tensor of the
functional graph; Keras 3 refuses that inside `fit` ("A KerasTensor cannot be used as
input to a TensorFlow function"), and `model.add_loss` is gone from functional models.
The Keras 3 way is to make the intermediate layer an OUTPUT of the model and give it
its own loss — which is what `build_hidden_penalty_model` does.
"""

import keras
from keras import layers, ops


def build_auxiliary_classifier(input_shape=(28, 28, 1), num_classes=10):
    """Return a compiled three-part convnet with a main and two auxiliary softmax classifiers.

    Layers (padding="same", relu for every Conv2D):
      Input -> Rescaling(1/255)
      part 1: Conv2D(16, 3x3) -> MaxPooling2D(2)   -> head "aux1": GlobalAveragePooling2D -> Dense(num_classes, softmax)
      part 2: Conv2D(32, 3x3) -> MaxPooling2D(2)   -> head "aux2": GlobalAveragePooling2D -> Dense(num_classes, softmax)
      part 3: Conv2D(64, 3x3) -> GlobalAveragePooling2D -> head "main": Dense(num_classes, softmax)
    Part 2 continues from part 1's pooled output and part 3 from part 2's, so the
    heads branch off a single trunk. The three output Dense layers are named "main",
    "aux1" and "aux2" and the model's outputs are [main, aux1, aux2] (a list, or a dict
    keyed by those names).

    Compile with the adam optimizer, categorical_crossentropy for every output, and
    loss_weights giving main 1.0 and each auxiliary head 0.3, so that
    total loss = loss_main + 0.3 * loss_aux1 + 0.3 * loss_aux2.

    Textbook: seed 002, "Multiple cost functions: GoogLeNet" and figure 4-5.
    """
    # Hint: keep a reference to each part's output tensor; a head and the next part both start from it.
    raise NotImplementedError("one trunk, a head after each part; loss_weights by output name")


def mean_predictions(y_true, y_pred):
    """Return the mean of all predictions (a scalar tensor): the seed's first custom loss.

    It ignores y_true. Write it with keras.ops so that it also works on the symbolic
    tensors `fit` traces (NumPy functions do not).

    Textbook: seed 002, "Digression: custom losses in Keras".
    """
    raise NotImplementedError("one keras.ops reduction")


def activation_penalty(weight):
    """Return a loss function loss(y_true, y_pred) = weight * mean(y_pred ** 2 over the last axis), one value per sample.

    A closure: the returned function remembers `weight`. Used as the loss of a model
    output that is an intermediate layer's activation, it penalises large activations;
    y_true is ignored (give that output zeros as targets).

    Textbook: seed 002, `custom_loss(layer)` (the function that returns a function).
    """
    # Hint: define the inner loss inside this function and return it (do not call it).
    raise NotImplementedError("an inner function that uses `weight` from the enclosing call")


def build_hidden_penalty_model(input_dim=512, penalty=0.01):
    """Return the seed's model with its first hidden layer exposed as a second output, compiled with two losses.

    Layers: Input(input_dim) -> Dense(128, sigmoid) = "hidden" -> Dense(64, sigmoid)
      -> Dense(10, softmax) = "predictions".
    Outputs: a dict {"predictions": ..., "hidden": ...} (the first Dense layer's output).
    Compile with adam, loss {"predictions": "mse", "hidden": activation_penalty(penalty)}
    (the seed's mean(square(y_pred - y_true)) + the penalty on the hidden layer).

    Textbook: seed 002, the model and `custom_loss(x1)` of "Digression: custom losses in Keras".
    """
    raise NotImplementedError("two outputs, one loss each, the hidden one from the closure")
