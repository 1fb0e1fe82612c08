"""Chapter 5, exercise 8: what convnets learn — activations, filters and class activation maps.

Textbook: DLwP §5.4 "Visualizing what convnets learn": intermediate activations
(listing 5.27, the first 8 layers), filters by gradient ascent (listings 5.32–5.38),
heatmaps of class activation, Grad-CAM (listings 5.40–5.44); seed 004 ch5.

The book uses `K.gradients` and `K.function`, which Keras 3 removed. Here a gradient is
taken with `tf.GradientTape` (the TensorFlow backend the kit runs on), and a model
that returns intermediate outputs is a functional `keras.Model(inputs, [outputs])`.
Every exercise also writes a PNG you can open.
"""

from pathlib import Path

import numpy as np
import keras
import tensorflow as tf


def activation_model(model, n=8):
    """Return a keras.Model with the input of `model` that outputs the activations of its first n Conv2D/MaxPooling2D layers.

    Outputs, in layer order, one (batch, height, width, channels) tensor per layer; for
    the MNIST convnet and n=4: (26, 26, 32), (13, 13, 32), (11, 11, 64), (5, 5, 64).

    Textbook: DLwP listing 5.27 (layer_outputs = [layer.output for layer in model.layers[:8]]).
    """
    # Hint: isinstance(layer, (keras.layers.Conv2D, keras.layers.MaxPooling2D)); model.inputs is the input.
    raise NotImplementedError("the outputs of the first n convolution or pooling layers, as a functional model")


def save_activation_grid(activation, path, columns=8):
    """Save the channels of one image's activation, (height, width, channels), side by side as a grey PNG; return path.

    Each channel is scaled to 0-255 on its own (a constant channel stays black).

    Textbook: DLwP listing 5.30 (displaying every channel in every intermediate activation).
    """
    raise NotImplementedError("normalise each channel, tile them into rows of `columns`, keras.utils.save_img")


def visualise_filter(model, layer_name, filter_index, size=64, steps=30, step_size=1.0, path=None, seed=0):
    """Return (image, activations): the input pattern that filter `filter_index` of `layer_name` responds to most.

    Start from a grey image with a little noise, shape (1, size, size, 3) in the model's
    input units; repeat `steps` times: take the mean of the filter's activation
    (the loss), its gradient with respect to the image (tf.GradientTape), normalise the
    gradient by its L2 norm (+1e-5) and take a step of `step_size` up the gradient.
    `activations` lists the loss before each step (it should rise). `image` is the result
    as a (size, size, 3) uint8 picture (centred, scaled to std 0.1, clipped as the book
    does in deprocess_image). If `path` is given, also save it there as a PNG.

    Textbook: DLwP listings 5.32–5.38 (gradient ascent in input space).
    """
    # Hint: a sub-model keras.Model(model.inputs, model.get_layer(layer_name).output) gives the layer's output.
    raise NotImplementedError("gradient ascent with tf.GradientTape on the filter's mean activation")


def grad_cam(model, images, conv_layer_name, class_index=None):
    """Return the Grad-CAM heatmap, (height, width) float32 in [0, 1], for the first image of `images`.

    With a model that maps `images` (batch, H, W, 3) to class probabilities and the
    name of a convolutional layer (output (batch, h, w, channels)):
    1. get the layer's output and the predictions in one pass (a two-output keras.Model);
    2. take the score of `class_index` (default: the top class of the first image);
    3. its gradient with respect to the layer's output, averaged over h and w, gives one
       weight per channel;
    4. the heatmap is the channel-weighted sum of the layer's output, passed through
       ReLU and divided by its maximum (all zeros if the maximum is 0).
    The heatmap has the layer's spatial size (7 x 7 for EfficientNet-Lite0's top_relu at 224).

    Textbook: DLwP listings 5.42–5.43 (Grad-CAM on the African elephant class).
    """
    # Hint: record the forward pass on a tf.GradientTape, then tape.gradient(score, layer_output).
    raise NotImplementedError("two-output model, tape the class score, pooled gradients weigh the channels, ReLU, normalise")


def save_heatmap_overlay(photo, heatmap, path, alpha=0.4):
    """Save `photo` (h, w, 3) uint8 with `heatmap` (values 0-1) resized onto it in red, as a PNG; return path.

    Textbook: DLwP listing 5.44 (superimposing the heatmap on the original picture).
    """
    raise NotImplementedError("resize the heatmap to the photo, blend a red layer weighted by it")
