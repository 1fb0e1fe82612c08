# Correct answers written differently: functional API, Activation layers, loss and
# optimizer objects, vectorised NumPy instead of loops.
def vectorize_sequences(sequences, dimension=10000):
    rows = np.repeat(np.arange(len(sequences)), [len(s) for s in sequences])
    columns = np.concatenate([np.asarray(s, dtype=int) for s in sequences]) if len(sequences) else np.zeros(0, int)
    results = np.zeros((len(sequences), dimension), dtype=np.float32)
    results[rows, columns] = 1
    return results


def holdout_split(x, y, num_validation):
    x_val, partial_x = np.split(x, [num_validation])
    y_val, partial_y = np.split(y, [num_validation])
    return (partial_x, partial_y), (x_val, y_val)


def build_imdb_model(input_dim=10000):
    inputs = keras.Input(shape=(input_dim,))
    hidden = layers.Activation("relu")(layers.Dense(16)(inputs))
    hidden = layers.Dense(16, activation="relu")(hidden)
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-3), loss=keras.losses.BinaryCrossentropy(),
                  metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
    return model
