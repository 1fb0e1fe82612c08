# Wrong: a sigmoid last layer does not give a probability distribution over the 46 topics.
def build_reuters_model(input_dim=10000, num_classes=NUM_TOPICS, label_encoding="one_hot"):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(64, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss=loss_for_labels(label_encoding), metrics=["accuracy"])
    return model
