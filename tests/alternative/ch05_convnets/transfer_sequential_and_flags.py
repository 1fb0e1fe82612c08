# Correct, written differently: a Sequential frozen model, a functional head, set_trainable_from by index.
def build_feature_head(feature_dim):
    inputs = keras.Input(shape=(feature_dim,))
    x = layers.Dropout(rate=0.5)(layers.Dense(256, activation="relu")(inputs))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(1e-4), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_frozen_model(base):
    base.trainable = False
    model = keras.Sequential([
        keras.Input(shape=base.input_shape[1:]),
        layers.Rescaling(1 / 128, offset=-127 / 128),
        base,
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.RMSprop(1e-4), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def set_trainable_from(base, layer_name):
    base.trainable = True
    start = [layer.name for layer in base.layers].index(layer_name)
    for layer in base.layers[:start]:
        layer.trainable = False
    return base
