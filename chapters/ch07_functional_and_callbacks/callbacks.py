"""Chapter 7, exercise 4: callbacks and TensorBoard — acting on a model while it trains, and watching it.

Textbook: DLwP §7.2 "Inspecting and monitoring deep-learning models using Keras
callbacks and TensorBoard": §7.2.1 (ModelCheckpoint and EarlyStopping,
ReduceLROnPlateau, writing your own callback) and §7.2.2 (TensorBoard, and
`keras.utils.plot_model` at the end of the section).

A callback is an object that `fit` calls at fixed points of training: `on_train_begin`,
`on_epoch_begin`, `on_batch_end`, `on_epoch_end`, ... At the end of every epoch it gets
`logs`, a dict of the epoch's metrics, e.g. {"loss": 0.41, "accuracy": 0.83,
"val_loss": 0.45, "val_accuracy": 0.81}; the `val_` entries exist only when `fit` was
given validation data. A callback reaches the model it trains as `self.model`.

Every function here gets a model that is already built and compiled, runs `fit` itself
(`verbose=0` keeps the output short) and returns plain data: the History's dict
`model.fit(...).history` (one list per metric, one value per epoch), or a file path.
Do not compile the model again.

Keras 3, not the book's Keras 2:

| book (Keras 2) | here (Keras 3) |
|---|---|
| `ModelCheckpoint(filepath="my_model.h5", ...)` | a whole-model checkpoint must end in `.keras` (Keras 3's format) |
| `monitor="acc"`, `logs["acc"]` | `monitor="accuracy"`, `logs["accuracy"]`, `logs["val_accuracy"]` |
| a custom callback reading `self.validation_data` | gone: use `logs`, or pass the data to the callback's `__init__` |
| `TensorBoard(..., embeddings_freq=1)`, `write_graph` | not supported by Keras 3's TensorBoard; `histogram_freq` works |
| `keras.utils.plot_model(model, to_file="model.png")` | the same; it needs pydot and Graphviz installed |
"""

import os
from pathlib import Path

import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30,
                              batch_size=16):
    """Train `model` with EarlyStopping and ModelCheckpoint and return the History's dict.

    Args:
        model: a built, compiled Keras model (do not compile it again).
        x_train, y_train: training data, (n, ...) arrays.
        x_val, y_val: validation data (required: both callbacks watch "val_loss").
        checkpoint_path: where ModelCheckpoint writes the model, a path ending in ".keras".
        patience: epochs without improvement of val_loss after which training stops.
        epochs, batch_size: passed to `fit`.

    Callbacks (DLwP §7.2.1, Keras 3 spelling):
      - keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience): training
        stops `patience` epochs after the epoch with the best (lowest) val_loss, unless
        `epochs` runs out first. Keep its other defaults (min_delta=0, no
        restore_best_weights needed: the checkpoint keeps the best model).
      - keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss",
        save_best_only=True): the file is overwritten only when val_loss improves, so
        at the end it holds the model of the best epoch.

    Check the inputs BEFORE training, and refuse bad ones with a ValueError whose
    message is one line:
      - x_val or y_val is None: both callbacks monitor "val_loss", which `fit` only logs
        with validation data (without it Keras only warns, and never stops or saves);
      - checkpoint_path does not end in ".keras", is an existing folder, or its folder
        cannot be created or written (e.g. a path "inside" a regular file).

    Returns:
        the History's dict: {"loss": [...], "val_loss": [...], ...}, one value per epoch run.
    """
    # Hint: check first, train second: a bad path found at the first save has already cost an epoch of training.
    raise NotImplementedError("check the inputs, then one fit with both callbacks in its list")


def train_with_lr_schedule(model, x_train, y_train, x_val, y_val, factor=0.5, patience=2, epochs=10, batch_size=16):
    """Train `model` with ReduceLROnPlateau on val_loss and return the History's dict, learning rate included.

    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=factor, patience=patience)
    multiplies the optimizer's learning rate by `factor` when val_loss has not improved
    for `patience` epochs (DLwP §7.2.1). Keep its other defaults (min_delta=1e-4,
    cooldown=0, min_lr=0).

    With this callback, Keras 3 adds the learning rate to the epoch's logs, so the
    returned dict has a "learning_rate" list: the rate each epoch trained with. After
    a reduction at the end of epoch e, entry e + 1 is entry e times `factor`.

    Args:
        model: a built, compiled Keras model (do not compile it again).
        x_val, y_val: validation data (required).
        factor: the multiplier, 0 < factor < 1.
        patience, epochs, batch_size: as their names say.

    Returns:
        {"loss": [...], "val_loss": [...], "learning_rate": [...], ...}, `epochs` values each.
    """
    # Hint: a callback is made once, before fit, from the arguments; fit calls it at the end of every epoch.
    raise NotImplementedError("one callback configured from the arguments, in fit's callbacks")


class GapRecorder(keras.callbacks.Callback):
    """A callback that records, at the end of every epoch, the gap val_loss - loss read from `logs`.

    `self.gaps` is a list of Python floats, one per epoch, emptied when training
    begins. A growing gap is the signature of overfitting (DLwP §4.4).

    Textbook: DLwP §7.2.1, "Writing your own callback".
    """

    def on_train_begin(self, logs=None):
        raise NotImplementedError("start an empty list")

    def on_epoch_end(self, epoch, logs=None):
        # Hint: logs is the epoch's metrics dict; its keys are the History's keys.
        raise NotImplementedError("one subtraction of two entries of logs")


def record_generalization_gap(model, x_train, y_train, x_val, y_val, epochs=5, batch_size=16):
    """Train `model` with a GapRecorder and return (history_dict, gaps).

    gaps: the recorder's list, one float per epoch, gaps[e] = val_loss[e] - loss[e]
    for the epoch values `fit` logged (so they agree with history_dict exactly).

    Args:
        model: a built, compiled Keras model (do not compile it again).
        x_val, y_val: validation data (required: there is no val_loss without them).
        epochs, batch_size: passed to `fit`.

    Returns:
        (history_dict, gaps): a pair; gaps a list of `epochs` floats.
    """
    raise NotImplementedError("make the recorder, pass it to fit, return its list with the history")


class StopAtThreshold(keras.callbacks.Callback):
    """A callback that stops training at the end of the first epoch whose logs[monitor] >= threshold.

    Stopping is asking: set `self.model.stop_training = True` and `fit` ends after the
    current epoch (this is what EarlyStopping does inside).

    Args:
        threshold: the value to reach, e.g. 0.9 for 90 % validation accuracy.
        monitor: the logs key to watch (default "val_accuracy").
    """

    def __init__(self, threshold, monitor="val_accuracy"):
        super().__init__()
        raise NotImplementedError("remember both arguments")

    def on_epoch_end(self, epoch, logs=None):
        # Hint: a missing key is a mistake worth a clear error, not a silent None.
        raise NotImplementedError("compare logs[monitor] with the threshold and ask the model to stop")


def train_until_accuracy(model, x_train, y_train, x_val, y_val, threshold=0.9, epochs=30, batch_size=32):
    """Train `model` until its validation accuracy reaches `threshold` (at most `epochs`), return the History's dict.

    Uses StopAtThreshold(threshold, monitor="val_accuracy"): training ends after the
    first epoch with val_accuracy >= threshold, or after `epochs` epochs if none reaches
    it. The model is compiled with metrics=["accuracy"], so the logs hold "val_accuracy".

    Returns:
        {"loss": [...], "accuracy": [...], "val_loss": [...], "val_accuracy": [...]}, one value per epoch run.
    """
    raise NotImplementedError("fit with your callback in its list")


def train_with_tensorboard(model, x_train, y_train, x_val, y_val, log_dir, epochs=3, batch_size=16):
    """Train `model` with the TensorBoard callback writing to `log_dir`, weight histograms every epoch; return the History's dict.

    keras.callbacks.TensorBoard(log_dir=log_dir, histogram_freq=1) writes event files
    under log_dir/train and log_dir/validation: per-epoch scalars ("epoch_loss",
    "epoch_accuracy", ...) and, with histogram_freq=1, a histogram of every weight of
    every layer at the end of every epoch (tags such as "dense/kernel/histogram").
    Look at them with `tensorboard --logdir LOG_DIR` (DLwP §7.2.2).

    Args:
        model: a built, compiled Keras model (do not compile it again).
        x_val, y_val: validation data (required: the validation scalars come from them).
        log_dir: the folder to write to (created if missing).

    Returns:
        the History's dict, one value per epoch.
    """
    # Hint: TensorBoard writes no histograms by default; help(keras.callbacks.TensorBoard) says which argument turns them on.
    raise NotImplementedError("one TensorBoard callback in fit's callbacks")


def plot_architecture(model, to_file="model.png"):
    """Draw `model`'s graph of layers, with their output shapes, to the image `to_file`, and return to_file as a string.

    keras.utils.plot_model(model, to_file=..., show_shapes=True) (DLwP §7.2.2). It
    needs two things that pip alone does not give you:
      - pydot, the Python side: `pip install pydot`;
      - Graphviz, the program that draws: `sudo apt install graphviz` (Debian/Ubuntu),
        `brew install graphviz` (macOS) or https://graphviz.org/download/ (Windows).
    Without them plot_model raises ImportError ("You must install pydot ..."): let it
    propagate, the grader then skips this exercise and says why.

    Returns:
        str(to_file), the PNG written.
    """
    raise NotImplementedError("one call of keras.utils.plot_model")
