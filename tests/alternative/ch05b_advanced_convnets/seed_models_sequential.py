# Right: the VGG16 base as one nested layer of a Sequential; softmax via scipy-free log-sum-exp; gradients with keras.ops
# and a tape over the mean-free sum.
import keras
import numpy as np
import tensorflow as tf
from keras import layers


def build_vgg16_transfer(num_outputs=1, input_shape=(150, 150, 3)):
    base = keras.applications.VGG16(include_top=False, weights=None, input_shape=input_shape)
    return keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(1024, activation="relu"),
                             layers.Dense(num_outputs, activation="softmax" if num_outputs > 1 else "sigmoid")])


def softmax(logits):
    z = np.asarray(logits, dtype=np.float64)
    m = np.max(z, axis=-1, keepdims=True)
    log_sum = m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))
    return np.exp(z - log_sum)


def output_gradients(model, inputs):
    x = tf.convert_to_tensor(inputs, dtype=tf.float32)
    with tf.GradientTape() as tape:
        y = model(x)
        total = keras.ops.sum(y)
    grads = tape.gradient(total, model.trainable_variables)
    return [keras.ops.convert_to_numpy(y), [np.zeros(v.shape) if g is None else g.numpy() for v, g in zip(model.trainable_variables, grads)]]
