"""Chapter 6, exercise 5: forecasting a real weather series with recurrent networks.

Textbook: DLwP §6.3 "Advanced use of recurrent neural networks" (listings 6.28–6.40):
temperature forecasting. Normalise every column with the TRAINING rows' statistics,
cut the series into (window, target) pairs with a Python generator, compute the
common-sense baseline ("tomorrow is like today"), then try a densely connected
network, a GRU, a GRU with dropout, stacked GRUs, and a GRU fed the windows in reverse.

Offline data (kerakit.data.weather): the book reads Jena's climate record, one row
every 10 minutes, temperature in column 1. The kit reads JFK airport's hourly 2013
record, (8730, 8) float32, **temperature in column 0**, so every function takes
`target_column`. With one row per hour the book's lookback=1440, step=6, delay=144
(10 days back, one point per hour, 24 hours ahead) becomes lookback=240, step=1,
delay=24 here; the graders shrink it to lookback=120, step=3, delay=24 (5 days back,
one point every 3 hours, 24 hours ahead) so a GRU trains in seconds.

Keras 3, not the book's Keras 2: `fit_generator` is gone. Pass the Python generator
to `fit` itself:

    model.fit(train_gen, steps_per_epoch=200, epochs=20,
              validation_data=val_gen, validation_steps=val_steps)

In this file the window length and step are arguments; `lookback` is always a multiple
of `step` (each window holds lookback // step points).
"""

import keras
import numpy as np
from keras import layers


def normalize(float_data, num_train):
    """Return (normalized, mean, std): the series standardised with the first num_train rows' statistics.

    float_data: a (timesteps, features) array. mean and std are (features,) arrays
    computed per column from float_data[:num_train] ONLY (the training rows; NumPy's std, ddof=0), and
    normalized = (float_data - mean) / std has float_data's shape. The input array is
    left unchanged (the book subtracts in place; return a new array instead).

    Textbook: DLwP §6.3.2, listing 6.32.
    """
    # Hint: statistics from the validation or test rows would leak the future into training.
    # BEGIN SOLUTION: mean and std over axis 0 of the training rows, then a new standardised array
    train = np.asarray(float_data[:num_train], dtype="float64")
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    return (np.asarray(float_data, dtype="float64") - mean) / std, mean, std
    # END SOLUTION


def generator(data, lookback, delay, min_index, max_index, shuffle=False, batch_size=128, step=6, target_column=0,
              seed=None):
    """Yield (samples, targets) batches forever: windows of the past and the value `delay` rows after each window.

    samples: (rows, lookback // step, features), targets: (rows,), where for each row r
    of the batch (a window's END, exclusive):
      samples[j] = data[range(r - lookback, r, step)]
      targets[j] = data[r + delay][target_column]
    Rows come from [min_index + lookback, max_index); max_index None means
    len(data) - delay - 1.
      - shuffle=False: consecutive rows from min_index + lookback, batch_size at a
        time; before each batch, if i + batch_size >= max_index, i goes back to
        min_index + lookback (exactly the book's test, so the last partial batch is
        never yielded).
      - shuffle=True: batch_size rows drawn uniformly from that range with
        np.random.default_rng(seed) (one generator for the whole run).
    Raise ValueError (a one-line message) when the windows would run past the data:
    max_index + delay >= len(data), or min_index + lookback >= max_index (no window fits).

    Textbook: DLwP §6.3.2, listing 6.33 (temperature is column 1 there, `target_column` here).
    """
    # Hint: the book's listing 6.33 works as it is once column 1 becomes target_column; check the indices first.
    # BEGIN SOLUTION: the book's generator, with target_column, a seeded random generator and the range checks
    if max_index is None:
        max_index = len(data) - delay - 1
    if max_index + delay >= len(data):
        raise ValueError(f"max_index + delay = {max_index + delay} is past the last row {len(data) - 1}: the targets would run off the data")
    if min_index + lookback >= max_index:
        raise ValueError(f"min_index + lookback = {min_index + lookback} >= max_index = {max_index}: no window fits")
    random = np.random.default_rng(seed)
    i = min_index + lookback
    while True:
        if shuffle:
            rows = random.integers(min_index + lookback, max_index, size=batch_size)
        else:
            if i + batch_size >= max_index:
                i = min_index + lookback
            rows = np.arange(i, min(i + batch_size, max_index))
            i += len(rows)
        samples = np.zeros((len(rows), lookback // step, data.shape[-1]))
        targets = np.zeros((len(rows),))
        for j, row in enumerate(rows):
            indices = range(rows[j] - lookback, rows[j], step)
            samples[j] = data[indices]
            targets[j] = data[rows[j] + delay][target_column]
        yield samples, targets
    # END SOLUTION


def common_sense_mae(data, lookback, delay, min_index, max_index, step=6, target_column=0):
    """Return the common-sense baseline's MAE (a float): predict that the target equals the window's last value.

    Over every window end row r in [min_index + lookback, max_index), once each:
    prediction = data[r - step][target_column] (the last point of the window
    range(r - lookback, r, step)), target = data[r + delay][target_column]; the MAE is
    the mean of |prediction - target| over those rows. In normalised units when `data`
    is normalised (multiply by the column's std for degrees).

    Textbook: DLwP §6.3.3, listing 6.35 (the book averages over generator batches; here every row counts once).
    """
    # Hint: no generator needed: index the target column with two arrays of rows.
    # BEGIN SOLUTION: all rows at once, the last point of each window against the value delay rows later
    rows = np.arange(min_index + lookback, max_index)
    column = np.asarray(data, dtype="float64")[:, target_column]
    return float(np.mean(np.abs(column[rows - step] - column[rows + delay])))
    # END SOLUTION


def build_dense_baseline(lookback_steps, features):
    """Return the compiled densely connected baseline: (lookback_steps, features) -> Flatten -> Dense(32, relu) -> Dense(1).

    Compile with rmsprop and loss "mae".

    Textbook: DLwP §6.3.4, listing 6.37.
    """
    # Hint: a Dense layer needs one vector per sample, not a sequence of them.
    # BEGIN SOLUTION: Flatten the window, one hidden Dense layer, one linear output
    model = keras.Sequential([
        keras.Input(shape=(lookback_steps, features)),
        layers.Flatten(),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
    # END SOLUTION


def build_gru(features):
    """Return the compiled first recurrent baseline: inputs (None, features) -> GRU(32) -> Dense(1); rmsprop, "mae".

    Textbook: DLwP §6.3.5, listing 6.39.
    """
    # Hint: shape=(None, features) leaves the number of timesteps open.
    # BEGIN SOLUTION: one GRU layer of 32 units, one linear output
    model = keras.Sequential([keras.Input(shape=(None, features)), layers.GRU(32), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
    # END SOLUTION


def build_gru_dropout(features):
    """Return the compiled dropout-regularised GRU: GRU(32, dropout=0.2, recurrent_dropout=0.2) -> Dense(1); rmsprop, "mae".

    Inputs (None, features).

    Textbook: DLwP §6.3.6, listing 6.40.
    """
    # Hint: a recurrent layer has two dropout rates: one for its inputs, one for its recurrent state.
    # BEGIN SOLUTION: the GRU with both dropout rates at 0.2
    model = keras.Sequential([keras.Input(shape=(None, features)),
                              layers.GRU(32, dropout=0.2, recurrent_dropout=0.2), layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
    # END SOLUTION


def build_stacked_gru(features):
    """Return the compiled stacked GRUs; rmsprop, "mae". Inputs (None, features), then

      GRU(32, dropout=0.1, recurrent_dropout=0.5, return_sequences=True)
      GRU(64, activation="relu", dropout=0.1, recurrent_dropout=0.5)
      Dense(1)

    Textbook: DLwP §6.3.7, listing 6.41.
    """
    # Hint: a recurrent layer that feeds another one must hand over its whole sequence of outputs.
    # BEGIN SOLUTION: two GRUs, the first returning sequences, the book's dropout rates
    model = keras.Sequential([
        keras.Input(shape=(None, features)),
        layers.GRU(32, dropout=0.1, recurrent_dropout=0.5, return_sequences=True),
        layers.GRU(64, activation="relu", dropout=0.1, recurrent_dropout=0.5),
        layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mae")
    return model
    # END SOLUTION


def reverse_time(samples):
    """Return samples with the time axis reversed: (batch, timesteps, features) -> the same shape, last timestep first.

    Wrap a generator with it to train on reversed sequences:
    `((reverse_time(x), y) for x, y in generator(...))`.

    Textbook: DLwP §6.3.8 "Using bidirectional RNNs" (the reversed-order GRU on the weather data).
    """
    # Hint: only axis 1 changes; the features of each timestep stay in their order.
    # BEGIN SOLUTION: which axis is time? reverse only that one, in a new array
    return np.asarray(samples)[:, ::-1, :]
    # END SOLUTION
