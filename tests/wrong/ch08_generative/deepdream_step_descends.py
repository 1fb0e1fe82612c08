# Wrong here: a gradient DEscent step (image - step * grads).
import tensorflow as tf


def gradient_ascent_step(feature_model, image, layer_weights, step):
    image = tf.convert_to_tensor(image, dtype="float32")
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = dream_loss(feature_model(image, training=False), layer_weights)
    grads = tape.gradient(loss, image)
    grads = grads / tf.maximum(tf.reduce_mean(tf.abs(grads)), 1e-7)
    return float(loss), (image - step * grads).numpy()
