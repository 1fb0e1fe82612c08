# Wrong: a 4-unit hidden layer is an information bottleneck for 46 classes (DLwP §3.5.7).
def build_reuters_model(input_dim=10000, num_classes=NUM_TOPICS, label_encoding="one_hot"):
    model = keras.Sequential([keras.Input(shape=(input_dim,)), layers.Dense(64, activation="relu"),
                              layers.Dense(4, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="rmsprop", loss=loss_for_labels(label_encoding), metrics=["accuracy"])
    return model
