"""Correct, written differently: a real keras.layers.Dense holding W and b, with keras.ops.

The layer's kernel and bias are Keras variables; on the TensorFlow backend a
GradientTape watches them like tf.Variable objects.
"""

import keras
import numpy as np
import tensorflow as tf


def dense_layer_holding(W, b):
    """Return a built Dense(relu) layer whose kernel is W and bias is b (float64)."""
    layer = keras.layers.Dense(W.shape[1], activation="relu", dtype="float64")
    layer.build((None, W.shape[0]))
    layer.kernel.assign(W)
    layer.bias.assign(b)
    return layer


def dense_forward(W, b, x):
    return keras.ops.relu(keras.ops.matmul(x, W) + b)


def loss_and_gradients(W, b, x, y):
    layer = dense_layer_holding(np.asarray(W), np.asarray(b))
    with tf.GradientTape() as tape:
        loss = keras.ops.mean(keras.ops.square(layer(x) - y))
    dW, db = tape.gradient(loss, [layer.kernel, layer.bias])
    return keras.ops.convert_to_numpy(loss), np.asarray(dW), np.asarray(db)


def sgd_step(W, b, x, y, learning_rate):
    layer = dense_layer_holding(np.asarray(W), np.asarray(b))
    _, dW, db = loss_and_gradients(W, b, x, y)
    layer.kernel.assign_sub(learning_rate * dW)
    layer.bias.assign_sub(learning_rate * db)
    return keras.ops.convert_to_numpy(layer.kernel), keras.ops.convert_to_numpy(layer.bias)
