"""Graders for chapter 7, exercise 4: callbacks and TensorBoard (DLwP §7.2).

Callbacks are objects, and graders hold only plain data, so the student's side runs
`fit` and returns the History's dict (or a path); the grader passes in its OWN fresh
model and data, chosen so that each callback has something to act on, and then verifies
rather than trusts:

- what the history says against Keras's rule replayed on that very history (when
  EarlyStopping must stop, when ReduceLROnPlateau must cut the rate, where the first
  epoch over a threshold is), so every verdict is exact, at any seed;
- that the history is the run's own: the grader's model took len(history) epochs of
  optimizer steps, and its final weights give the last logged val_loss again;
- what was written: the checkpoint file, loaded with `keras.models.load_model(...,
  safe_mode=True)` and evaluated by the grader, and the TensorBoard event files, read
  with TensorBoard's own EventAccumulator and compared with the grader's model.

The grader's data: for the overfitting runs, random inputs with random labels (nothing
to generalise), validated on the SAME inputs with 40 % of the labels flipped, so the
validation loss first falls a little and then rises without end as the network
memorises — a val_loss curve with a minimum, on which EarlyStopping and
ReduceLROnPlateau must act. For the stopping callback, a linearly separable task learned
slowly (plain SGD, the output's bias starting at -4), so the validation accuracy climbs
over several epochs past the threshold.
"""

import math

import numpy as np
import pytest

from kerakit.grading import GradingFailure, expect, expect_close, expect_sequence, student_module

callbacks = student_module("callbacks")

OVERFIT_SAMPLES, OVERFIT_FEATURES, FLIPPED = 64, 16, 0.4
OVERFIT_LEARNING_RATE = 0.01
BATCH_SIZE = 16
EARLY_STOPPING_EPOCHS = 30
PLATEAU_EPOCHS = 12
THRESHOLD_SAMPLES, THRESHOLD_EPOCHS, THRESHOLD_BATCH = 256, 30, 32
REDUCE_LR_MIN_DELTA = 1e-4  # ReduceLROnPlateau's default, which the docstring keeps


# ---------------------------------------------------------------- the grader's data and models

def overfitting_data(rng):
    """Return (x_train, y_train, x_val, y_val): random inputs and labels; validation = the same inputs, 40 % labels flipped."""
    x = rng.normal(size=(OVERFIT_SAMPLES, OVERFIT_FEATURES)).astype("float32")
    y = rng.integers(0, 2, size=OVERFIT_SAMPLES).astype("float32")
    y_val = y.copy()
    flipped = rng.permutation(OVERFIT_SAMPLES)[: int(FLIPPED * OVERFIT_SAMPLES)]
    y_val[flipped] = 1 - y_val[flipped]
    return x, y, x.copy(), y_val


def overfitting_model():
    """Return the grader's small binary classifier, compiled with Adam(0.01) and binary crossentropy."""
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(OVERFIT_FEATURES,)), layers.Dense(32, activation="relu", name="hidden"),
                              layers.Dense(1, activation="sigmoid", name="output")], name="grader_net")
    model.compile(optimizer=keras.optimizers.Adam(OVERFIT_LEARNING_RATE), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def separable_data(rng):
    """Return (x_train, y_train, x_val, y_val): 2-D Gaussian points labelled by the side of the line x0 + x1 = 0.

    15% of the TRAINING labels are flipped, so training accuracy stays near 0.85 while validation accuracy climbs
    past 0.9: a callback that watches "accuracy" instead of "val_accuracy" stops at the wrong time (or never).
    """
    x = rng.normal(size=(2 * THRESHOLD_SAMPLES, 2)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("float32")
    flipped = rng.uniform(size=THRESHOLD_SAMPLES) < 0.15
    y_train = np.where(flipped, 1.0 - y[:THRESHOLD_SAMPLES], y[:THRESHOLD_SAMPLES]).astype("float32")
    return x[:THRESHOLD_SAMPLES], y_train, x[THRESHOLD_SAMPLES:], y[THRESHOLD_SAMPLES:]


def slow_learner():
    """Return a logistic regression that starts predicting 0 everywhere and learns over several epochs (SGD 0.2)."""
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(2,)),
                              layers.Dense(1, activation="sigmoid", kernel_initializer="zeros",
                                           bias_initializer=keras.initializers.Constant(-4.0), name="output")],
                             name="grader_logistic")
    model.compile(optimizer=keras.optimizers.SGD(0.2), loss="binary_crossentropy", metrics=["accuracy"])
    return model


# ---------------------------------------------------------------- checks shared by the tests

def history_lists(history, what, keys):
    """Return {key: float array} from a returned History dict, after checking it is one and has `keys`, of equal lengths."""
    expect(history is not None, f"{what} returned None: return model.fit(...).history")
    expect(isinstance(history, dict), f"{what} should return the History's dict (model.fit(...).history), "
                                      f"got {type(history).__name__}")
    for key in keys:
        expect(key in history, f"{what}: the returned dict has no {key!r} (keys: {sorted(map(str, history))}); "
                               f"return model.fit(...).history of a run with validation data")
    values = {}
    for key in keys:
        try:
            values[key] = np.asarray(history[key], dtype=float).reshape(-1)
        except (TypeError, ValueError):
            raise GradingFailure(f"{what}: history[{key!r}] should be a list of numbers, one per epoch") from None
    lengths = {key: len(v) for key, v in values.items()}
    expect(len(set(lengths.values())) == 1 and min(lengths.values()) > 0,
           f"{what}: the history's lists should have one value per epoch run, got lengths {lengths}")
    return values


def expect_trained_for(model, epochs_run, samples, batch_size, what):
    """Check the grader's model took epochs_run epochs of optimizer steps: the history is the run's own."""
    steps = int(model.optimizer.iterations.numpy())
    expected = epochs_run * math.ceil(samples / batch_size)
    expect(steps == expected,
           f"{what}: the history lists {epochs_run} epochs, but the grader's model took {steps} optimizer steps "
           f"({expected} expected: {epochs_run} epochs x {math.ceil(samples / batch_size)} batches of {batch_size}); "
           "train the model you are given, once, with the arguments given, and return that fit's history")


def evaluated_loss(model, x, y):
    """Return the grader's own evaluation of `model`'s loss on (x, y)."""
    return float(model.evaluate(x, y, batch_size=BATCH_SIZE, return_dict=True, verbose=0)["loss"])


def early_stopping_epochs(val_loss, patience):
    """Return the epoch count after which Keras's EarlyStopping(monitor="val_loss", patience) stops on this curve, or None."""
    best, wait = None, 0
    for epoch, value in enumerate(val_loss):
        wait += 1
        if best is None or value < best:
            best, wait = value, 0
            continue
        if wait >= patience and epoch > 0:
            return epoch + 1
    return None


def plateau_rates(val_loss, initial, factor, patience):
    """Return (rate of each epoch, rate after the last one) under Keras's ReduceLROnPlateau replayed on `val_loss`.

    An epoch improves only when val_loss + min_delta < best (Keras's MonitorCallback); after `patience` epochs
    without improvement the rate is multiplied by `factor` and the count starts again.
    """
    rates, rate, best, wait = [], float(np.float32(initial)), None, 0
    for value in val_loss:
        rates.append(rate)
        if best is None or np.float32(value + REDUCE_LR_MIN_DELTA) < np.float32(best):  # as Keras compares, in float32
            best, wait = value, 0
        else:
            wait += 1
            if wait >= patience:
                rate, wait = float(np.float32(rate * factor)), 0
    return np.array(rates), rate


def one_line_refusal(call, what, must_mention, model, written):
    """Call `call()`, expecting a one-line ValueError/OSError before training, naming `must_mention`."""
    try:
        call()
    except (ValueError, OSError) as error:
        message = str(error).strip()
        expect(message and "\n" not in message,
               f"{what}: raise the {type(error).__name__} with a one-line message, got {len(message.splitlines())} lines")
        expect(any(word.lower() in message.lower() for word in must_mention),
               f"{what}: the message should say what is wrong (mention {' or '.join(map(repr, must_mention))}), "
               f"got {message!r}")
    else:
        raise GradingFailure(f"{what} should raise a ValueError before training, it returned normally")
    steps = int(model.optimizer.iterations.numpy())
    expect(steps == 0, f"{what}: check the inputs before training: the model took {steps} optimizer steps before the error")
    expect(written is None or not written.exists(), f"{what}: nothing should be written, found {written}")


# ---------------------------------------------------------------- EarlyStopping + ModelCheckpoint

def early_stopping_run(callbacks, rng, tmp_path_factory, shared):
    """Run the student's train_with_early_stopping once per module on the grader's overfitting model."""
    def run():
        x, y, x_val, y_val = overfitting_data(rng)
        patience = int(rng.choice([2, 4]))  # not 3: a hard-coded EarlyStopping(patience=3) must not pass by luck
        path = tmp_path_factory.mktemp("early_stopping") / "best.keras"
        model = overfitting_model()
        what = (f"train_with_early_stopping(model, ..., checkpoint_path, patience={patience}, epochs={EARLY_STOPPING_EPOCHS}, "
                f"batch_size={BATCH_SIZE})")
        history = callbacks.train_with_early_stopping(model, x, y, x_val, y_val, str(path), patience=patience,
                                                      epochs=EARLY_STOPPING_EPOCHS, batch_size=BATCH_SIZE)
        values = history_lists(history, what, ("loss", "val_loss"))
        return {"model": model, "path": path, "patience": patience, "what": what, "data": (x, y, x_val, y_val),
                "val_loss": values["val_loss"]}
    return shared.get("early_stopping", run)


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_early_stopping_stops_patience_epochs_after_the_best(callbacks, rng, tmp_path_factory, shared):
    """EarlyStopping on val_loss: on the grader's overfitting model, training ends exactly `patience` epochs after the best val_loss."""
    result = early_stopping_run(callbacks, rng, tmp_path_factory, shared)
    what, val_loss, patience, model = result["what"], result["val_loss"], result["patience"], result["model"]
    x, _, x_val, y_val = result["data"]
    epochs_run = len(val_loss)
    stop = early_stopping_epochs(val_loss, patience)
    best = int(np.argmin(val_loss[: stop or epochs_run]))
    curve = ", ".join(f"{v:.4f}" for v in val_loss[: best + patience + 2])
    if stop is None:
        how = "never stopped" if epochs_run >= EARLY_STOPPING_EPOCHS else "stopped too early"
        raise GradingFailure(
            f"{what} {how}: after the best val_loss, at epoch {best + 1}, training should go on for exactly {patience} epochs "
            f"without improvement; it ran {epochs_run} of {EARLY_STOPPING_EPOCHS} epochs (val_loss: {curve}): "
            "EarlyStopping(monitor=\"val_loss\", patience=patience)")
    expect(epochs_run == stop,
           f"{what}: the best val_loss was at epoch {best + 1}, so training should stop after epoch {best + 1 + patience} "
           f"(patience={patience}); it ran {epochs_run} epochs (val_loss: {curve}): "
           f"EarlyStopping(monitor=\"val_loss\", patience=patience)")
    expect_trained_for(model, epochs_run, len(x), BATCH_SIZE, what)
    final = evaluated_loss(model, x_val, y_val)
    expect(any(math.isclose(final, v, rel_tol=1e-4, abs_tol=1e-6) for v in (val_loss[-1], val_loss[best])),
           f"{what}: the grader's model ends with val_loss {final:.5f}, but the history's last epoch says {val_loss[-1]:.5f}: "
           "return the history of the fit that trained the model you were given")


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_checkpoint_keeps_the_best_epoch(callbacks, rng, tmp_path_factory, shared):
    """ModelCheckpoint(save_best_only=True) leaves a .keras file whose model, loaded and evaluated by the grader, has the best val_loss."""
    import keras

    result = early_stopping_run(callbacks, rng, tmp_path_factory, shared)
    what, val_loss, path = result["what"], result["val_loss"], result["path"]
    _, _, x_val, y_val = result["data"]
    expect(path.is_file(), f"{what}: no checkpoint was written at checkpoint_path ({path.name}): "
                           "ModelCheckpoint(checkpoint_path, ...) in fit's callbacks")
    try:
        saved = keras.models.load_model(path, safe_mode=True)
    except Exception as error:
        text = str(error).strip().splitlines()
        raise GradingFailure(f"{what}: keras.models.load_model could not read the checkpoint ({type(error).__name__}: "
                             f"{text[0] if text else ''}): save the whole model to a .keras file") from None
    loss = evaluated_loss(saved, x_val, y_val)
    best = int(np.argmin(val_loss))
    expect(math.isclose(loss, val_loss[best], rel_tol=1e-4, abs_tol=1e-6),
           f"{what}: the checkpoint's model has val_loss {loss:.5f} (evaluated by the grader), but the best epoch, {best + 1}, "
           f"had {val_loss[best]:.5f} (the last, {len(val_loss)}, had {val_loss[-1]:.5f}): "
           "ModelCheckpoint(monitor=\"val_loss\", save_best_only=True) keeps only the best epoch's model")


@pytest.mark.points(2)
def test_early_stopping_refuses_bad_inputs(callbacks, rng, tmp_path):
    """Without validation data, or with a checkpoint path that cannot be written, the run stops before training with one line."""
    x, y, x_val, y_val = overfitting_data(rng)
    good = tmp_path / "best.keras"
    model = overfitting_model()
    one_line_refusal(lambda: callbacks.train_with_early_stopping(model, x, y, None, None, str(good), patience=2, epochs=3,
                                                                 batch_size=BATCH_SIZE),
                     "train_with_early_stopping(..., x_val=None, y_val=None, ...)", ("validation", "val_loss"), model, good)
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    (tmp_path / "folder.keras").mkdir()
    for path, why in ((tmp_path / "notes.txt" / "best.keras", "a path inside a regular file"),
                      (tmp_path / "folder.keras", "an existing folder"),
                      (tmp_path / "best_model", "no .keras ending")):
        model = overfitting_model()
        one_line_refusal(lambda: callbacks.train_with_early_stopping(model, x, y, x_val, y_val, str(path), patience=2, epochs=3,
                                                                     batch_size=BATCH_SIZE),
                         f"train_with_early_stopping(..., checkpoint_path=<{why}>)", (str(path), path.name, "checkpoint"),
                         model, None)


# ---------------------------------------------------------------- ReduceLROnPlateau

@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_reduce_lr_on_plateau(callbacks, rng):
    """ReduceLROnPlateau: the logged learning rate is multiplied by `factor` exactly when val_loss has not improved for `patience` epochs."""
    x, y, x_val, y_val = overfitting_data(rng)
    factor = float(rng.choice([0.5, 0.3, 0.2]))
    patience = int(rng.integers(2, 4))
    model = overfitting_model()
    what = f"train_with_lr_schedule(model, ..., factor={factor}, patience={patience}, epochs={PLATEAU_EPOCHS})"
    history = callbacks.train_with_lr_schedule(model, x, y, x_val, y_val, factor=factor, patience=patience,
                                               epochs=PLATEAU_EPOCHS, batch_size=BATCH_SIZE)
    expect(isinstance(history, dict) and "learning_rate" in history,
           f"{what}: the returned dict has no 'learning_rate': with ReduceLROnPlateau among fit's callbacks, Keras 3 logs the "
           f"rate of every epoch (keys: {sorted(map(str, history)) if isinstance(history, dict) else type(history).__name__})")
    values = history_lists(history, what, ("loss", "val_loss", "learning_rate"))
    expect(len(values["val_loss"]) == PLATEAU_EPOCHS,
           f"{what} should train all {PLATEAU_EPOCHS} epochs, it ran {len(values['val_loss'])} (no early stopping here)")
    expected, after = plateau_rates(values["val_loss"], OVERFIT_LEARNING_RATE, factor, patience)
    got = values["learning_rate"]
    wrong = np.flatnonzero(~np.isclose(got, expected, rtol=1e-5, atol=1e-9))
    if wrong.size:
        epoch = int(wrong[0])
        reductions = [e + 1 for e in range(1, len(expected)) if expected[e] < expected[e - 1]]
        raise GradingFailure(
            f"{what}: epoch {epoch + 1} should train at learning rate {expected[epoch]:.6g}, the history says {got[epoch]:.6g} "
            f"(with factor={factor} and patience={patience} on this val_loss, the rate drops at the start of epochs "
            f"{reductions}): ReduceLROnPlateau(monitor=\"val_loss\", factor=factor, patience=patience)")
    expect_trained_for(model, PLATEAU_EPOCHS, len(x), BATCH_SIZE, what)
    final_rate = float(model.optimizer.learning_rate.numpy())
    expect(math.isclose(final_rate, after, rel_tol=1e-5),
           f"{what}: after training, the grader's optimizer should have learning rate {after:.6g}, it has {final_rate:.6g}: "
           "let ReduceLROnPlateau change the rate of the model you were given")


# ---------------------------------------------------------------- custom callbacks

@pytest.mark.points(2)
@pytest.mark.timeout(120)
def test_gap_recorder(callbacks, rng):
    """The custom GapRecorder records val_loss - loss from `logs` at every epoch: the grader compares with the same run's history."""
    x, y, x_val, y_val = overfitting_data(rng)
    epochs = int(rng.integers(3, 6))
    model = overfitting_model()
    what = f"record_generalization_gap(model, ..., epochs={epochs})"
    history, gaps = expect_sequence(callbacks.record_generalization_gap(model, x, y, x_val, y_val, epochs=epochs,
                                                                         batch_size=BATCH_SIZE),
                                    what, 2, "(history_dict, gaps)")
    values = history_lists(history, what, ("loss", "val_loss"))
    expect(len(values["loss"]) == epochs, f"{what} should train {epochs} epochs, the history has {len(values['loss'])}")
    expect(isinstance(gaps, (list, tuple, np.ndarray)), f"{what}: gaps should be a list of floats, got {type(gaps).__name__}")
    gaps = np.asarray(gaps, dtype=float).reshape(-1) if len(gaps) else np.zeros(0)
    expect(len(gaps) == epochs, f"{what}: gaps should hold one value per epoch, {epochs}, got {len(gaps)}")
    expected = values["val_loss"] - values["loss"]
    expect_close(gaps, expected, f"{what}: gaps (val_loss - loss of the same epoch, read from logs in on_epoch_end)",
                 rtol=1e-5, atol=1e-6)
    expect_trained_for(model, epochs, len(x), BATCH_SIZE, what)


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_stop_at_threshold(callbacks, rng):
    """StopAtThreshold ends training after the first epoch whose val_accuracy reaches the threshold, on a model that learns slowly."""
    x, y, x_val, y_val = separable_data(rng)
    threshold = float(rng.choice([0.88, 0.9, 0.92]))  # above what the noisy training labels allow
    model = slow_learner()
    what = f"train_until_accuracy(model, ..., threshold={threshold}, epochs={THRESHOLD_EPOCHS})"
    history = callbacks.train_until_accuracy(model, x, y, x_val, y_val, threshold=threshold, epochs=THRESHOLD_EPOCHS,
                                             batch_size=THRESHOLD_BATCH)
    values = history_lists(history, what, ("loss", "val_accuracy"))
    accuracy = values["val_accuracy"]
    epochs_run = len(accuracy)
    reached = np.flatnonzero(accuracy >= threshold)
    curve = ", ".join(f"{a:.3f}" for a in accuracy)
    expect(reached.size > 0,
           f"{what}: training stopped after {epochs_run} epochs, before val_accuracy reached {threshold} "
           f"(val_accuracy: {curve}): stop only when logs[\"val_accuracy\"] >= threshold")
    first = int(reached[0])
    expect(epochs_run == first + 1,
           f"{what}: val_accuracy reached {threshold} at epoch {first + 1} ({accuracy[first]:.3f}), but training went on to "
           f"epoch {epochs_run}: set self.model.stop_training = True in on_epoch_end")
    expect_trained_for(model, epochs_run, len(x), THRESHOLD_BATCH, what)
    final = float(model.evaluate(x_val, y_val, batch_size=THRESHOLD_BATCH, return_dict=True, verbose=0)["accuracy"])
    expect(abs(final - accuracy[-1]) <= 1e-6,
           f"{what}: the grader's model ends with val_accuracy {final:.4f}, the history's last epoch says {accuracy[-1]:.4f}: "
           "return the history of the fit that trained the model you were given")


# ---------------------------------------------------------------- TensorBoard

def read_event_files(folder):
    """Return ({scalar tag: {step: value}}, {histogram tag: {step: (buckets, 3) array}}) read with TensorBoard's own reader."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.util import tensor_util

    accumulator = EventAccumulator(str(folder), size_guidance={"tensors": 0, "scalars": 0, "histograms": 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    scalars = {tag: {e.step: float(e.value) for e in accumulator.Scalars(tag)} for tag in tags.get("scalars", [])}
    histograms = {}
    for tag in tags.get("tensors", []):
        for event in accumulator.Tensors(tag):
            value = tensor_util.make_ndarray(event.tensor_proto)
            if value.dtype.kind not in "fiu":  # the model's config, written as a string
                continue
            if value.ndim == 0:
                scalars.setdefault(tag, {})[event.step] = float(value)
            else:
                histograms.setdefault(tag, {})[event.step] = np.asarray(value, dtype=float)
    return scalars, histograms


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_tensorboard_logs(callbacks, rng, tmp_path):
    """TensorBoard(log_dir, histogram_freq=1): per-epoch loss scalars equal the history, and every weight has a histogram per epoch."""
    x, y, x_val, y_val = overfitting_data(rng)
    epochs = int(rng.integers(2, 4))
    log_dir = tmp_path / "logs"
    model = overfitting_model()
    what = f"train_with_tensorboard(model, ..., log_dir, epochs={epochs})"
    history = callbacks.train_with_tensorboard(model, x, y, x_val, y_val, str(log_dir), epochs=epochs, batch_size=BATCH_SIZE)
    values = history_lists(history, what, ("loss", "val_loss"))
    expect(len(values["loss"]) == epochs, f"{what} should train {epochs} epochs, the history has {len(values['loss'])}")
    expect_trained_for(model, epochs, len(x), BATCH_SIZE, what)
    for run in ("train", "validation"):
        expect((log_dir / run).is_dir() and any((log_dir / run).glob("events.out.tfevents.*")),
               f"{what}: no TensorBoard event files in log_dir/{run}: TensorBoard(log_dir=log_dir, ...) in fit's callbacks")
    (train_scalars, histograms), (validation_scalars, _) = read_event_files(log_dir / "train"), read_event_files(log_dir / "validation")
    for scalars, key, run in ((train_scalars, "loss", "train"), (validation_scalars, "val_loss", "validation")):
        logged = scalars.get("epoch_loss", {})
        expect(sorted(logged) == list(range(epochs)),
               f"{what}: log_dir/{run} should hold epoch_loss for epochs 0..{epochs - 1}, it has steps {sorted(logged)}")
        expect_close(np.array([logged[e] for e in range(epochs)]), values[key],
                     f"{what}: epoch_loss in log_dir/{run} against the history's {key!r}", rtol=1e-5, atol=1e-6)
    for weight in model.weights:
        tag = f"{weight.path}/histogram"
        logged = histograms.get(tag, {})
        expect(logged, f"{what}: no weight histogram {tag!r} in log_dir/train (histogram tags: {sorted(histograms)[:4]}): "
                       "TensorBoard(..., histogram_freq=1) writes one per weight every epoch")
        expect(sorted(logged) == list(range(epochs)),
               f"{what}: {tag!r} should be written at every epoch 0..{epochs - 1} (histogram_freq=1), got steps {sorted(logged)}")
        buckets, final = logged[epochs - 1], np.asarray(weight.numpy(), dtype=float)
        expect(buckets.ndim == 2 and buckets.shape[1] == 3 and round(buckets[:, 2].sum()) == final.size
               and math.isclose(buckets[0, 0], final.min(), rel_tol=1e-5, abs_tol=1e-6)
               and math.isclose(buckets[-1, 1], final.max(), rel_tol=1e-5, abs_tol=1e-6),
               f"{what}: the last histogram of {weight.path} does not describe the grader's trained weights "
               f"({final.size} values from {final.min():.4f} to {final.max():.4f})")


# ---------------------------------------------------------------- plot_model

def graphviz_missing():
    """Return why keras.utils.plot_model cannot draw here ('' when pydot and Graphviz are both installed)."""
    import importlib.util
    import shutil

    missing = [name for name, found in (("pydot", importlib.util.find_spec("pydot") is not None),
                                        ("Graphviz", shutil.which("dot") is not None)) if not found]
    return " and ".join(missing)


PLOT_INSTALL = "pip install pydot; sudo apt install graphviz (Debian/Ubuntu) or brew install graphviz (macOS)"


@pytest.mark.points(0)
def test_plot_architecture(callbacks, tmp_path):
    """plot_architecture writes keras.utils.plot_model's PNG of the model (skipped, with the reason, where pydot or Graphviz is missing)."""
    model = overfitting_model()
    path = tmp_path / "grader_net.png"
    missing = graphviz_missing()
    what = "plot_architecture(model, to_file)"
    try:
        returned = callbacks.plot_architecture(model, str(path))
    except ImportError as error:
        if missing:
            pytest.skip(f"keras.utils.plot_model needs pydot and Graphviz; {missing} not installed here ({PLOT_INSTALL})")
        raise GradingFailure(f"{what} raised ImportError although pydot and Graphviz are installed: {error}") from None
    if missing:
        pytest.skip(f"keras.utils.plot_model needs pydot and Graphviz; {missing} not installed here ({PLOT_INSTALL})")
    expect(returned == str(path), f"{what} should return to_file as a string ({str(path)!r}), got {returned!r}")
    expect(path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n",
           f"{what}: no PNG image at to_file: keras.utils.plot_model(model, to_file=to_file, show_shapes=True)")
