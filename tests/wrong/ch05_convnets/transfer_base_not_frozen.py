# Wrong: forgets to freeze the base, so fit changes the pretrained weights.
def build_frozen_model(base):
    inputs = keras.Input(shape=base.input_shape[1:])
    x = base(layers.Rescaling(1 / 128, offset=-127 / 128)(inputs))
    x = layers.Dropout(0.5)(layers.Dense(256, activation="relu")(x))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-4), loss="binary_crossentropy", metrics=["accuracy"])
    return model
