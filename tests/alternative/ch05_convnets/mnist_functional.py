# Correct, written differently: the functional API, np.eye for one-hot labels, Activation layers.
def prepare_mnist(images, labels):
    x = np.expand_dims(np.asarray(images, dtype="float32") / 255.0, axis=-1)
    return x, np.eye(10, dtype="float32")[np.asarray(labels, dtype=int)]


def build_mnist_convnet():
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Activation("relu")(layers.Conv2D(32, 3)(inputs))
    x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(64, 3, activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = layers.Conv2D(64, 3, activation="relu")(x)
    x = layers.Dense(64, activation="relu")(layers.Flatten()(x))
    model = keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    return model
