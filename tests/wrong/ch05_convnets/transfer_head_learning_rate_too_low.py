# Wrong: a learning rate so low that the head hardly moves in the budget.
def build_feature_head(feature_dim):
    model = keras.Sequential([keras.Input(shape=(feature_dim,)), layers.Dense(256, activation="relu"), layers.Dropout(0.5),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-8), loss="binary_crossentropy", metrics=["accuracy"])
    return model
