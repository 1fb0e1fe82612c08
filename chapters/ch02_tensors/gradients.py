"""Chapter 2: gradients and one step of mini-batch stochastic gradient descent (SGD).

A Dense layer with a ReLU activation computes `relu(x @ W + b)`. Training it
means: run it forward on a mini-batch, measure a loss, compute the gradient of the
loss with respect to W and b, and move W and b a little against that gradient
(`W -= learning_rate * gradient`). Here you write each of those steps yourself.

Keras 3 notes:
- The seed's notes (Keras 2) take gradients with `K.gradients`; that no longer
  exists. On the TensorFlow backend, record the forward pass under
  `tf.GradientTape()` and ask the tape for `tape.gradient(loss, [W, b])`.
- The book writes the layer as `relu(dot(W, input) + b)`; Keras stores the kernel
  as (features, units) and computes `dot(input, W)`, which is what we do here.

All functions take NumPy arrays and return NumPy arrays (or a float); none of them
changes its inputs. The graders use float64 arrays.

Textbook: DLwP §2.3 and §2.4.1-2.4.4; seed 004 ch2 §2.3-2.4.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf


def dense_forward(W, b, x):
    """Return relu(x @ W + b): the output of a Dense(units, activation="relu") layer.

    Works on NumPy arrays and on TensorFlow tensors or variables, so that a
    GradientTape can watch it.

    Textbook: DLwP §2.3 (`output = relu(dot(W, input) + b)`); seed 004 ch2 §2.3-2.4.

    Args:
        W: the kernel, shape (features, units).
        b: the bias, shape (units,).
        x: a mini-batch of inputs, shape (samples, features).

    Returns:
        A tensor of shape (samples, units).
    """
    # Hint: use TensorFlow operations (tf.matmul, tf.nn.relu), not NumPy ones:
    # a GradientTape can only follow the operations TensorFlow runs.
    raise NotImplementedError("a matrix product, a bias and a relu, all with TensorFlow operations")


def loss_and_gradients(W, b, x, y):
    """Return (loss, dW, db): the mean squared error of dense_forward and its gradients.

    loss = mean over all samples and units of (dense_forward(W, b, x) - y) ** 2,
    dW = d loss / d W and db = d loss / d b.

    Textbook: DLwP §2.4.1-2.4.4 (gradients, backpropagation); seed 004 ch2 §2.4
    (where Keras 2 used K.gradients, Keras 3 on TensorFlow uses tf.GradientTape).

    Args:
        W: the kernel, shape (features, units).
        b: the bias, shape (units,).
        x: inputs, shape (samples, features).
        y: targets, shape (samples, units).

    Returns:
        A tuple (loss, dW, db): loss a Python float, dW a NumPy array of shape
        (features, units), db a NumPy array of shape (units,).
    """
    # Hint: a tape watches tf.Variable objects; wrap W and b in tf.Variable first.
    # Hint: run the forward pass and the loss inside `with tf.GradientTape() as tape:`.
    raise NotImplementedError("compute the loss under tf.GradientTape(), then tape.gradient(loss, [W, b])")


def sgd_step(W, b, x, y, learning_rate):
    """Return (new_W, new_b) after one mini-batch SGD step on the loss of loss_and_gradients.

    new_W = W - learning_rate * dW and new_b = b - learning_rate * db.

    Textbook: DLwP §2.4.3 (mini-batch SGD: `W -= step * gradient`); seed 004 ch2 §2.4 (随机梯度下降).

    Args:
        W: the kernel, shape (features, units).
        b: the bias, shape (units,).
        x: a mini-batch of inputs, shape (samples, features).
        y: its targets, shape (samples, units).
        learning_rate: the step size, a positive float.

    Returns:
        A tuple (new_W, new_b) of new NumPy arrays with the shapes of W and b;
        W and b themselves are unchanged.
    """
    # Hint: move *against* the gradient: the gradient points to where the loss grows.
    raise NotImplementedError("get dW and db from loss_and_gradients, then step against them")


def momentum_step(w, velocity, gradient, learning_rate, momentum):
    """Return (new_w, new_velocity) after one SGD-with-momentum update, as in DLwP §2.4.3.

    The book's pseudo-code, for one step:

        velocity = momentum * past_velocity - learning_rate * gradient
        w = w + momentum * velocity - learning_rate * gradient

    (the `velocity` used to update w is the new one).

    Textbook: DLwP §2.4.3 (momentum); seed 004 ch2 §2.4 (动量).

    Args:
        w: the parameters, an array of any shape.
        velocity: the velocity from the previous step, same shape as w (zeros at first).
        gradient: the gradient of the loss at w, same shape as w.
        learning_rate: the step size, a positive float.
        momentum: how much of the past velocity is kept, e.g. 0.1 or 0.9.

    Returns:
        A tuple (new_w, new_velocity) of new arrays of w's shape; the inputs are unchanged.
    """
    raise NotImplementedError("update the velocity first, then use the new velocity to move w")
