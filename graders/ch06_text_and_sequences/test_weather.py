"""Graders for chapter 6, weather forecasting with recurrent networks (DLwP §6.3).

The tensor functions are checked on random series whose values encode their own row
(data[r, c] = r * features + c), so every sample and target a generator yields can be
traced back to the rows it came from. The training claims use the real hourly JFK
series (kerakit.data.weather), normalised and cut into windows by the GRADER's own
code, never the student's, so a wrong generator does not cost the GRU's points; the
student's builders are rebuilt with the grader's fresh weights.

Scale: the book's Jena rows are 10 minutes apart (lookback=1440, step=6, delay=144);
ours are hourly, and the graders use lookback=120, step=3, delay=24: five days back,
one point every three hours (40 timesteps), the temperature 24 hours later.
"""

import numpy as np
import pytest

from kerakit.grading import (HIGHER, LOWER, Budget, GradingFailure, assert_architecture, assert_compiled_with, expect,
                             expect_array, expect_close, expect_sequence, mean_absolute_error_of, student_module,
                             train_within_budget)
from kerakit.grading.boundary import GeneratorRecord
from kerakit.data import weather as weather_data

weather = student_module("weather")

NUM_TRAIN, VAL_END = 5000, 7000          # training rows (January to July), validation rows (August to mid-October)
LOOKBACK, STEP, DELAY = 120, 3, 24       # 5 days back, every 3 hours, 24 hours ahead
TEMPERATURE = 0
BUDGET = Budget(epochs=5, batch_size=128)
INITIALISATIONS = 2  # the GRUs' MAEs are means over this many fresh initialisations
# Measured on the reference over the 20 calibration seeds (1234-1243 and held-out 1334-1343), validation MAE in normalised
# units after 5 epochs x batch 128 on the 4,880 training windows: common-sense baseline 0.269 (4.77 °F); GRU(32), mean of 2
# initialisations, 0.242-0.277; dense baseline 0.326-0.509 (it jumps from epoch to epoch); GRU on reversed windows, mean of
# 2, 0.289-0.384. Ratios: dense / GRU 1.29-1.86, GRU / baseline 0.90-1.03, reversed / GRU 1.12-1.56. With ONE GRU
# initialisation reversed / GRU went down to 1.026 (floor 1.013): too close to 1, hence the mean of two. Each GRU trains
# in 2-4 s on 2 cores (the module grades in about 20 s). Floors: graders/thresholds.toml.


# ---------------------------------------------------------------- the grader's own data and windows

def indexed_series(rows, features):
    """Return a float64 (rows, features) series whose value at [r, c] is r * features + c: every value names its row."""
    return (np.arange(rows)[:, None] * features + np.arange(features)[None, :]).astype("float64")


def windows(data, lookback, delay, start, stop, step, column):
    """Return (samples, targets) for every window end row in [start + lookback, stop): the grader's own window code."""
    rows = np.arange(start + lookback, stop)
    index = rows[:, None] - lookback + step * np.arange(lookback // step)[None, :]
    return data[index], data[rows + delay, column]


def book_sequential_rows(lookback, min_index, max_index, batch_size, count):
    """Return the rows of the first `count` batches of the book's generator with shuffle=False."""
    i, batches = min_index + lookback, []
    for _ in range(count):
        if i + batch_size >= max_index:
            i = min_index + lookback
        rows = np.arange(i, min(i + batch_size, max_index))
        i += len(rows)
        batches.append(rows)
    return batches


def normalised_weather(float_data):
    float_data = float_data.astype("float64")
    train = float_data[:NUM_TRAIN]
    return ((float_data - train.mean(axis=0)) / train.std(axis=0)).astype("float32"), float(train[:, TEMPERATURE].std())


def rows_of(values, features):
    """Return the rows an indexed series' values come from, as text (e.g. "[4, 6, 8]"), or the values when they are not whole rows."""
    values = np.asarray(values, dtype="float64").reshape(-1)
    rows = values / features
    if np.allclose(rows, np.round(rows)):
        shown = [int(r) for r in np.round(rows)]
        return f"rows {shown}" if len(shown) > 1 else f"row {shown[0]}"
    return f"values {np.round(values, 3).tolist()}"


def yielded_batches(record, what, count=None):
    """Return the (samples, targets) pairs a student's generator yielded, or fail in one line."""
    expect(isinstance(record, GeneratorRecord),
           f"{what} should be a generator (a function that yields batches), it returned {type(record).__name__}")
    expect(not record.exhausted, f"{what} stopped after {len(record.items)} batches: it should yield batches forever (while True)")
    return [expect_sequence(item, f"batch {k} of {what}", 2, "(samples, targets)") for k, item in enumerate(record.items[:count])]


# ---------------------------------------------------------------- normalize

@pytest.mark.points(2)
def test_normalize(weather, rng):
    """normalize: mean and std per column from the first num_train rows only, the whole series standardised, input unchanged."""
    for _ in range(3):
        rows, features = int(rng.integers(120, 400)), int(rng.integers(3, 8))
        num_train = int(rng.integers(40, rows // 2))
        series = rng.normal(rng.uniform(-5, 5, features), rng.uniform(0.5, 3, features), size=(rows, features))
        series[num_train:] = series[num_train:] * 4 + 20  # later rows: other statistics, so using them shows
        what = f"normalize(float_data, num_train={num_train}) on a {series.shape} series"
        call = weather.normalize.call(series, num_train)
        normalized, mean, std = expect_sequence(call.result, what, 3, "(normalized, mean, std)")
        train = series[:num_train]
        for name, value in (("mean", mean), ("std", std)):
            found = f"shape {value.shape}" if isinstance(value, np.ndarray) else f"a {type(value).__name__}"
            expect(isinstance(value, np.ndarray) and value.shape == (features,),
                   f"{name} from {what} should hold one value per column: an array of shape ({features},), got {found}")
        expect_close(mean, train.mean(axis=0), f"mean from {what} (per column, training rows only)", rtol=1e-4, atol=1e-5)
        expect_close(std, train.std(axis=0), f"std from {what} (per column, training rows only, NumPy's std)", rtol=1e-4, atol=1e-5)
        expect_close(normalized, (series - train.mean(axis=0)) / train.std(axis=0), f"normalized from {what}", rtol=1e-4, atol=1e-4)
        after = call.arguments[0]
        expect(after is not None and np.array_equal(after, series),
               f"{what} changed float_data in place: return a new array and leave the input as it was")


# ---------------------------------------------------------------- generator

def check_batch(samples, targets, rows, data, lookback, delay, step, column, what):
    """Fail in one line unless one batch holds exactly the windows ending at `rows` and their targets."""
    features = data.shape[1]
    samples = expect_array(samples, f"samples of {what}", shape=(len(rows), lookback // step, features), kinds="fiu")
    targets = expect_array(targets, f"targets of {what}", shape=(len(rows),), kinds="fiu")
    for j, row in enumerate(rows):
        window = list(range(row - lookback, row, step))
        if not np.allclose(samples[j], data[window]):
            raise GradingFailure(f"{what}: samples[{j}] should be data[range({row - lookback}, {row}, {step})] (rows {window[0]}..{window[-1]}), "
                                 f"got {rows_of(samples[j][:, 0], features)}")
        if not np.isclose(targets[j], data[row + delay, column]):
            raise GradingFailure(f"{what}: targets[{j}] should be data[{row} + {delay}][{column}] = {data[row + delay, column]:g} "
                                 f"(the value delay={delay} rows after the window's end {row}), got {float(targets[j]):g} "
                                 f"({rows_of(targets[j] - column, features)})")


@pytest.mark.points(3)
def test_generator_sequential(weather, rng):
    """generator, shuffle=False: the book's batches of consecutive windows, every target delay rows on, the wrap-around to the start."""
    for case in range(3):
        features, step = int(rng.integers(2, 6)), int(rng.choice([2, 3] if case == 0 else [1, 2, 3]))  # one case at least with step > 1
        lookback, delay = step * int(rng.integers(2, 6)), int(rng.integers(1, 12))
        min_index, batch_size = int(rng.integers(0, 20)), int(rng.integers(3, 9))
        # case 1: a span of whole batches, where the book's `>=` wraps one batch earlier than a `>` would
        span = batch_size * int(rng.integers(2, 5)) if case == 1 else int(rng.integers(2 * batch_size, 5 * batch_size))
        max_index = min_index + lookback + span
        rows = max_index + delay + int(rng.integers(1, 20))
        column = int(rng.integers(0, features))
        data = indexed_series(rows, features)
        given = None if case == 2 else max_index  # None: the book's default, len(data) - delay - 1
        if given is None:
            max_index = rows - delay - 1
        what = (f"generator(data of {data.shape}, lookback={lookback}, delay={delay}, min_index={min_index}, max_index={given}, "
                f"batch_size={batch_size}, step={step}, target_column={column})")
        record = weather.generator(data, lookback, delay, min_index, given, shuffle=False, batch_size=batch_size, step=step,
                                   target_column=column)
        batches = yielded_batches(record, what)
        expected = book_sequential_rows(lookback, min_index, max_index, batch_size, len(batches))
        for k, ((samples, targets), want) in enumerate(zip(batches, expected)):
            wrapped = k > 0 and want[0] == min_index + lookback
            label = f"batch {k} of {what} (rows {want[0]}..{want[-1]}" + (
                f", back at min_index + lookback = {min_index + lookback} because {expected[k - 1][-1] + 1} + {batch_size} >= "
                f"max_index = {max_index})" if wrapped else ")")
            check_batch(samples, targets, want, data, lookback, delay, step, column, label)


@pytest.mark.points(2)
def test_generator_shuffle(weather, rng):
    """generator, shuffle=True: every window ends in [min_index + lookback, max_index), has its target delay rows on, and the seed repeats the draw."""
    for case in range(3):
        features, step = int(rng.integers(2, 6)), int(rng.choice([2, 3] if case == 0 else [1, 2, 3]))
        lookback, delay = step * int(rng.integers(3, 8)), int(rng.integers(1, 12))
        min_index, batch_size = int(rng.integers(5, 30)), int(rng.integers(8, 20))
        max_index = min_index + lookback + int(rng.integers(10, 40))
        data = indexed_series(max_index + delay + int(rng.integers(1, 20)), features)
        column, seed = int(rng.integers(0, features)), int(rng.integers(0, 10_000))
        what = (f"generator(data of {data.shape}, lookback={lookback}, delay={delay}, min_index={min_index}, max_index={max_index}, "
                f"shuffle=True, batch_size={batch_size}, step={step}, target_column={column}, seed={seed})")
        record = weather.generator(data, lookback, delay, min_index, max_index, shuffle=True, batch_size=batch_size, step=step,
                                   target_column=column, seed=seed)
        batches = yielded_batches(record, what)
        drawn = []
        for k, (samples, targets) in enumerate(batches):
            samples = expect_array(samples, f"samples of batch {k} of {what}", shape=(batch_size, lookback // step, features), kinds="fiu")
            first = samples[:, 0, 0] / features
            expect(np.allclose(first, np.round(first)), f"batch {k} of {what}: the samples are not rows of data")
            ends = np.round(first).astype(int) + lookback
            outside = [int(r) for r in ends if not min_index + lookback <= r < max_index]
            expect(not outside, f"batch {k} of {what}: a window ends at row {outside[0] if outside else ''} (its first row + lookback), "
                                f"expected every window end in [min_index + lookback, max_index) = [{min_index + lookback}, {max_index})")
            check_batch(samples, targets, ends, data, lookback, delay, step, column, f"batch {k} of {what}")
            drawn.extend(ends.tolist())
        available = max_index - min_index - lookback
        expect(len(set(drawn)) >= available // 2,
               f"{what}: {len(drawn)} drawn rows hit only {len(set(drawn))} of the {available} possible window ends: draw them at random "
               "from the whole range")
        again = yielded_batches(weather.generator(data, lookback, delay, min_index, max_index, shuffle=True, batch_size=batch_size,
                                                  step=step, target_column=column, seed=seed), what)
        same = all(np.array_equal(a[0], b[0]) for a, b in zip(batches, again))
        expect(same, f"{what} drew other rows when called again with the same seed: draw them with np.random.default_rng(seed)")


@pytest.mark.points(1)
def test_generator_refuses_windows_past_the_end(weather, rng):
    """generator raises a one-line ValueError when targets would run past the data or no window fits between min_index and max_index."""
    features, step = 3, 2
    lookback, delay, rows = 10, int(rng.integers(3, 10)), int(rng.integers(80, 120))
    data = indexed_series(rows, features)
    cases = [(0, rows, "max_index = len(data)"),
             (5, rows - delay + int(rng.integers(1, 5)), "max_index + delay past the last row"),
             (20, 20 + lookback, "min_index + lookback = max_index: no window fits"),
             (30, 30 + lookback - 4, "min_index + lookback > max_index")]
    for min_index, max_index, why in cases:
        what = (f"generator(data of {data.shape}, lookback={lookback}, delay={delay}, min_index={min_index}, max_index={max_index}, "
                f"step={step}) ({why})")
        try:
            weather.generator(data, lookback, delay, min_index, max_index, batch_size=4, step=step)
        except ValueError as error:
            message = str(error).strip()
            expect(message and "\n" not in message, f"{what}: raise the ValueError with a one-line message, got {len(message.splitlines())} lines")
            continue
        except (GradingFailure, NotImplementedError):  # the stub, or a failure already worded
            raise
        except Exception as error:
            raise GradingFailure(f"{what} should raise a ValueError before drawing a batch, it raised {type(error).__name__}: "
                                 f"{str(error).strip().splitlines()[0] if str(error).strip() else ''}") from None
        raise GradingFailure(f"{what} should raise a ValueError, it yielded batches")


# ---------------------------------------------------------------- common-sense baseline

def book_common_sense(data, lookback, delay, min_index, max_index, step, column):
    rows = np.arange(min_index + lookback, max_index)
    return float(np.mean(np.abs(data[rows - step, column] - data[rows + delay, column])))


@pytest.mark.points(2)
def test_common_sense_mae(weather, rng, jfk):
    """common_sense_mae: the MAE of "the target equals the window's last value" over every window end row once, also on the real series."""
    for _ in range(3):
        features, step = int(rng.integers(2, 6)), int(rng.choice([1, 2, 3]))
        lookback, delay = step * int(rng.integers(2, 8)), int(rng.integers(1, 12))
        min_index = int(rng.integers(0, 30))
        max_index = min_index + lookback + int(rng.integers(20, 300))
        data = np.cumsum(rng.normal(size=(max_index + delay + 5, features)), axis=0)
        column = int(rng.integers(0, features))
        what = (f"common_sense_mae(data of {data.shape}, lookback={lookback}, delay={delay}, min_index={min_index}, "
                f"max_index={max_index}, step={step}, target_column={column})")
        got = expect_array(weather.common_sense_mae(data, lookback, delay, min_index, max_index, step=step, target_column=column),
                           what, shape=(), kinds="fiu")
        expect_close(got, book_common_sense(data, lookback, delay, min_index, max_index, step, column), what, rtol=1e-4)
    data, _ = jfk
    what = (f"common_sense_mae(normalised JFK series, lookback={LOOKBACK}, delay={DELAY}, min_index={NUM_TRAIN}, max_index={VAL_END}, "
            f"step={STEP}, target_column={TEMPERATURE})")
    got = expect_array(weather.common_sense_mae(data, LOOKBACK, DELAY, NUM_TRAIN, VAL_END, step=STEP, target_column=TEMPERATURE),
                       what, shape=(), kinds="fiu")
    expect_close(got, book_common_sense(data.astype("float64"), LOOKBACK, DELAY, NUM_TRAIN, VAL_END, STEP, TEMPERATURE), what,
                 rtol=1e-4)


@pytest.fixture(scope="module")
def jfk():
    """Return (the JFK series normalised with the training rows' statistics, as float32; the temperature's std in °F).

    Loaded here, not from the chapter's `weather` fixture: `student_module("weather")` is a fixture of that name too.
    """
    _, float_data = weather_data.load_data()
    return normalised_weather(float_data)


# ---------------------------------------------------------------- builders

def gru_params(inputs, units):
    return 3 * units * (inputs + units + 2)  # reset_after=True, Keras 3's default


def check_recurrent_input(record, what, features):
    shape = tuple(record.summary.input_shape or ())
    expect(shape == (None, None, features), f"{what} should take inputs of shape (None, {features}) (any number of timesteps), "
                                            f"got {shape[1:] if shape else 'none'}")


@pytest.mark.points(1)
def test_dense_baseline_architecture(weather, rng):
    """build_dense_baseline: Flatten -> Dense(32, relu) -> Dense(1) on (lookback_steps, features) windows; rmsprop, mae."""
    steps, features = int(rng.integers(5, 40)), int(rng.integers(2, 10))
    what = f"build_dense_baseline({steps}, {features})"
    record = weather.build_dense_baseline(steps, features)
    assert_architecture(record, [
        {"class": "Flatten", "output_shape": (None, steps * features), "params": 0},
        {"class": "Dense", "units": 32, "activation": "relu", "output_shape": (None, 32), "params": steps * features * 32 + 32},
        {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 33},
    ], what)
    assert_compiled_with(record, what, optimizer="RMSprop", loss="mae")


@pytest.mark.points(1)
def test_gru_architecture(weather, rng):
    """build_gru: GRU(32) -> Dense(1) on (None, features) sequences, no dropout; rmsprop, mae."""
    features = int(rng.integers(2, 12))
    what = f"build_gru({features})"
    record = weather.build_gru(features)
    assert_architecture(record, [
        {"class": "GRU", "units": 32, "activation": "tanh", "return_sequences": False, "dropout": 0.0, "recurrent_dropout": 0.0,
         "output_shape": (None, 32), "params": gru_params(features, 32)},
        {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 33},
    ], what)
    check_recurrent_input(record, what, features)
    assert_compiled_with(record, what, optimizer="RMSprop", loss="mae")


@pytest.mark.points(1)
def test_gru_dropout_architecture(weather, rng):
    """build_gru_dropout: GRU(32, dropout=0.2, recurrent_dropout=0.2) -> Dense(1); rmsprop, mae."""
    features = int(rng.integers(2, 12))
    what = f"build_gru_dropout({features})"
    record = weather.build_gru_dropout(features)
    assert_architecture(record, [
        {"class": "GRU", "units": 32, "activation": "tanh", "return_sequences": False, "dropout": 0.2, "recurrent_dropout": 0.2,
         "output_shape": (None, 32), "params": gru_params(features, 32)},
        {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 33},
    ], what)
    check_recurrent_input(record, what, features)
    assert_compiled_with(record, what, optimizer="RMSprop", loss="mae")


@pytest.mark.points(2)
def test_stacked_gru_architecture(weather, rng):
    """build_stacked_gru: GRU(32, return_sequences) -> GRU(64, relu) -> Dense(1) with the book's dropout rates; rmsprop, mae."""
    features = int(rng.integers(2, 12))
    what = f"build_stacked_gru({features})"
    record = weather.build_stacked_gru(features)
    assert_architecture(record, [
        {"class": "GRU", "units": 32, "activation": "tanh", "return_sequences": True, "dropout": 0.1, "recurrent_dropout": 0.5,
         "output_shape": (None, None, 32),
         "params": gru_params(features, 32)},
        {"class": "GRU", "units": 64, "activation": "relu", "return_sequences": False, "dropout": 0.1, "recurrent_dropout": 0.5,
         "output_shape": (None, 64),
         "params": gru_params(32, 64)},
        {"class": "Dense", "units": 1, "activation": "linear", "output_shape": (None, 1), "params": 65},
    ], what)
    check_recurrent_input(record, what, features)
    assert_compiled_with(record, what, optimizer="RMSprop", loss="mae")


# ---------------------------------------------------------------- reverse_time

@pytest.mark.points(1)
def test_reverse_time(weather, rng):
    """reverse_time: the time axis (axis 1) reversed, the features of every timestep kept in order, input unchanged."""
    for _ in range(3):
        shape = (int(rng.integers(1, 6)), int(rng.integers(2, 9)), int(rng.integers(2, 6)))
        samples = rng.normal(size=shape)
        what = f"reverse_time(samples of shape {shape})"
        call = weather.reverse_time.call(samples)
        expect_close(call.result, samples[:, ::-1, :], what)
        expect(call.arguments[0] is not None and np.array_equal(call.arguments[0], samples),
               f"{what} changed samples in place: return a new array")


# ---------------------------------------------------------------- training claims on the real series

def trained_mae(weather, shared, jfk, key, seed):
    """Return the validation MAE (normalised units) of model `key` ("gru", "dense" or "reversed"), trained once per module.

    The GRUs are measured as the mean of INITIALISATIONS fresh initialisations (the same ones for both orders), the
    dense baseline once: one GRU run alone is too noisy for the reversed-order claim.
    """
    def measure():
        data, _ = jfk
        x_train, y_train = windows(data, LOOKBACK, DELAY, 0, NUM_TRAIN, STEP, TEMPERATURE)
        x_val, y_val = windows(data, LOOKBACK, DELAY, NUM_TRAIN, VAL_END, STEP, TEMPERATURE)
        features = data.shape[1]
        if key == "dense":
            record, what = weather.build_dense_baseline(LOOKBACK // STEP, features), f"build_dense_baseline({LOOKBACK // STEP}, {features})"
        else:
            record, what = weather.build_gru(features), f"build_gru({features})"
        if key == "reversed":  # the grader reverses the windows itself: reverse_time has its own test
            x_train, x_val = x_train[:, ::-1], x_val[:, ::-1]
            what += " on reversed windows"
        maes = []
        for offset in range(1 if key == "dense" else INITIALISATIONS):
            model = train_within_budget(record, (x_train, y_train), BUDGET, what=what, seed=seed + offset).model
            maes.append(mean_absolute_error_of(model, x_val, y_val))
        return float(np.mean(maes))
    return shared.get(key, measure)


def baseline_mae(jfk):
    data, _ = jfk
    return book_common_sense(data.astype("float64"), LOOKBACK, DELAY, NUM_TRAIN, VAL_END, STEP, TEMPERATURE)


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_gru_beats_dense_baseline(weather, shared, jfk, floors, kerakit_seed):
    """Trained from the grader's weights on the JFK series, the GRU's validation MAE is below the dense baseline's."""
    gru, dense = trained_mae(weather, shared, jfk, "gru", kerakit_seed), trained_mae(weather, shared, jfk, "dense", kerakit_seed)
    floors.record("weather_gru_val_mae", gru, f"GRU validation MAE (normalised, mean of {INITIALISATIONS} initialisations) after {BUDGET.describe()}", LOWER)
    floors.record("weather_dense_val_mae", dense, f"dense baseline validation MAE (normalised) after {BUDGET.describe()}", LOWER)
    floors.check("weather_dense_over_gru", dense / gru,
                 f"dense baseline's validation MAE / the GRU's (mean of {INITIALISATIONS} initialisations) after {BUDGET.describe()}", HIGHER, bound=1.0)


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_gru_near_common_sense_baseline(weather, shared, jfk, floors, kerakit_seed):
    """Trained from the grader's weights, the GRU's validation MAE is within a calibrated margin of the common-sense baseline's."""
    gru, baseline = trained_mae(weather, shared, jfk, "gru", kerakit_seed), baseline_mae(jfk)
    floors.check("weather_gru_over_common_sense", gru / baseline,
                 f"GRU validation MAE (mean of {INITIALISATIONS} initialisations) / the common-sense baseline's after {BUDGET.describe()}", LOWER)


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_reversed_order_does_worse(weather, shared, jfk, floors, kerakit_seed):
    """The same GRU trained on time-reversed windows ends with a higher validation MAE than on chronological ones."""
    gru, reversed_ = trained_mae(weather, shared, jfk, "gru", kerakit_seed), trained_mae(weather, shared, jfk, "reversed", kerakit_seed)
    floors.record("weather_reversed_val_mae", reversed_, f"reversed-order GRU validation MAE (normalised, mean of {INITIALISATIONS} initialisations) after {BUDGET.describe()}",
                  LOWER)
    floors.check("weather_reversed_over_gru", reversed_ / gru,
                 f"reversed-order GRU's validation MAE / the chronological GRU's (means of {INITIALISATIONS} initialisations) after {BUDGET.describe()}",
                 HIGHER, bound=1.0)
