# Wrong: forgets to divide by the maximum, so the values are not in [0, 1].
_reference_grad_cam = grad_cam


def grad_cam(model, images, conv_layer_name, class_index=None):
    both = keras.Model(model.inputs, [model.get_layer(conv_layer_name).output, model.output])
    with tf.GradientTape() as tape:
        feature_map, predictions = both(tf.convert_to_tensor(images, dtype="float32"), training=False)
        if class_index is None:
            class_index = int(tf.argmax(predictions[0]))
        score = predictions[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, feature_map)[0], axis=(0, 1))
    return tf.nn.relu(tf.reduce_sum(feature_map[0] * weights, axis=-1)).numpy() * 1000
