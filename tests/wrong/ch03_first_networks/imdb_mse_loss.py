# Wrong: compiles the binary classifier with mean squared error.
def build_imdb_model(input_dim=10000):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(16, activation="relu"),
                              layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"])
    return model
