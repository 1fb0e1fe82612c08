# Wrong: steps DOWN the gradient, so the filter's activation falls.
def visualise_filter(model, layer_name, filter_index, size=64, steps=30, step_size=1.0, path=None, seed=0):
    extractor = keras.Model(model.inputs, model.get_layer(layer_name).output)
    image = tf.Variable(np.random.default_rng(seed).uniform(-0.125, 0.125, size=(1, size, size, 3)).astype("float32"))
    activations = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(extractor(image, training=False)[..., filter_index])
        gradient = tape.gradient(loss, image)
        image.assign_sub(step_size * gradient / (tf.norm(gradient) + 1e-5))
        activations.append(float(loss))
    picture = (np.clip((image.numpy()[0] - image.numpy().mean()) * 0.1 / (image.numpy().std() + 1e-5) + 0.5, 0, 1) * 255).astype("uint8")
    if path is not None:
        keras.utils.save_img(str(path), picture, scale=False)
    return picture, activations
