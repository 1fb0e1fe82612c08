# Correct answers written differently: np.eye one-hot, a dict of losses, the functional API.
def to_one_hot(labels, dimension=NUM_TOPICS):
    return np.eye(dimension, dtype="float32")[np.asarray(labels)]


def loss_for_labels(label_encoding):
    losses = {"one_hot": "categorical_crossentropy", "integer": "sparse_categorical_crossentropy"}
    if label_encoding not in losses:
        raise ValueError(f"unknown label encoding {label_encoding!r}")
    return losses[label_encoding]


def build_reuters_model(input_dim=10000, num_classes=NUM_TOPICS, label_encoding="one_hot"):
    inputs = keras.Input(shape=(input_dim,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(64, activation="relu")(x)
    model = keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=loss_for_labels(label_encoding), metrics=["acc"])
    return model
