# Correct, written differently: the functional API, the augmentation called on the input tensor.
def build_small_convnet(input_shape=(32, 32, 3), augmentation=None, dropout=0.0):
    inputs = keras.Input(shape=input_shape)
    x = augmentation(inputs) if augmentation is not None else inputs
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(x)
    for filters in (16, 32, 64):
        x = layers.MaxPooling2D()(layers.Conv2D(filters, 3, activation="relu")(x))
    x = layers.Flatten()(x)
    if dropout:
        x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(1, activation="sigmoid")(layers.Dense(512, activation="relu")(x))
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
