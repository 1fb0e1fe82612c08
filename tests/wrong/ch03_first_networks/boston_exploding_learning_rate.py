# Wrong: a learning rate so large that the loss overflows to NaN.
def build_boston_model(num_features=13):
    model = keras.Sequential([keras.Input(shape=(num_features,)), layers.Dense(64, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e30), loss="mse", metrics=["mae"])
    return model
