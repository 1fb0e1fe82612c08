# Right, written differently: float32 statistics returned as a list, a vectorised generator built by a function that
# checks its arguments at once and returns an inner generator (RandomState for the shuffle, batches as lists),
# the baseline from sliced columns as a NumPy scalar, functional-API models with optimizer and loss objects, np.flip.
import keras
import numpy as np
from keras import layers


def normalize(float_data, num_train):
    data = np.array(float_data, dtype="float32")
    mean = data[:num_train].mean(axis=0)
    std = np.sqrt(((data[:num_train] - mean) ** 2).mean(axis=0))
    return [(data - mean) / std, mean, std]


def generator(data, lookback, delay, min_index, max_index, shuffle=False, batch_size=128, step=6, target_column=0, seed=None):
    data = np.asarray(data)
    last = len(data) - delay - 1 if max_index is None else max_index
    if last - 1 + delay > len(data) - 1:
        raise ValueError(f"a target would lie past the last row: max_index={last}, delay={delay}, {len(data)} rows")
    if last <= min_index + lookback:
        raise ValueError(f"no window fits between min_index + lookback = {min_index + lookback} and max_index = {last}")
    offsets = np.arange(-lookback, 0, step)

    def batches():
        random = np.random.RandomState(seed)
        start = min_index + lookback
        while True:
            if shuffle:
                rows = random.randint(min_index + lookback, last, size=batch_size)
            else:
                if start + batch_size >= last:
                    start = min_index + lookback
                rows = np.arange(start, min(start + batch_size, last))
                start = rows[-1] + 1
            yield [data[rows[:, None] + offsets].astype("float32"), data[rows + delay, target_column].astype("float32")]

    return batches()


def common_sense_mae(data, lookback, delay, min_index, max_index, step=6, target_column=0):
    column = np.asarray(data)[:, target_column]
    first = min_index + lookback
    predictions = column[first - step:max_index - step]
    targets = column[first + delay:max_index + delay]
    return np.mean(np.abs(predictions - targets))


def build_dense_baseline(lookback_steps, features):
    inputs = keras.Input(shape=(lookback_steps, features))
    x = layers.Flatten()(inputs)
    x = layers.Dense(32)(x)
    x = layers.Activation("relu")(x)
    model = keras.Model(inputs, layers.Dense(1, activation="linear")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.MeanAbsoluteError())
    return model


def build_gru(features):
    inputs = keras.Input(shape=(None, features))
    model = keras.Model(inputs, layers.Dense(1)(layers.GRU(units=32)(inputs)))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss="mean_absolute_error")
    return model


def build_gru_dropout(features):
    inputs = keras.Input(shape=(None, features))
    x = layers.GRU(32, activation="tanh", dropout=0.2, recurrent_dropout=0.2)(inputs)
    model = keras.Model(inputs, layers.Dense(1)(x))
    model.compile(optimizer="rmsprop", loss="mae")
    return model


def build_stacked_gru(features):
    inputs = keras.Input(shape=(None, features))
    x = layers.GRU(32, dropout=0.1, recurrent_dropout=0.5, return_sequences=True)(inputs)
    x = layers.GRU(64, activation="relu", dropout=0.1, recurrent_dropout=0.5)(x)
    model = keras.Model(inputs=inputs, outputs=layers.Dense(1)(x))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.001), loss="mae")
    return model


def reverse_time(samples):
    return np.flip(samples, axis=1).copy()
