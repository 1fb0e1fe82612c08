# Right, written differently: History objects returned as they are (the harness turns them into their dicts),
# EarlyStopping with restore_best_weights=True, OSError subclasses for unwritable paths (checked with a probe file),
# every callback argument spelled out, a LambdaCallback recording the gaps into a NumPy array, extra harmless
# callbacks, TensorBoard without the graph, and a pathlib.Path returned by plot_architecture.
import os
import tempfile
from pathlib import Path

import keras
import numpy as np


def _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, callbacks):
    return model.fit(x=x_train, y=y_train, batch_size=batch_size, epochs=epochs, verbose=0, callbacks=callbacks,
                     validation_data=(x_val, y_val), shuffle=True)


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30,
                              batch_size=16):
    if any(v is None for v in (x_val, y_val)):
        raise ValueError("no validation data: val_loss, which both callbacks watch, needs x_val and y_val")
    path = os.fspath(checkpoint_path)
    if not path.endswith(".keras"):
        raise ValueError(f"{path}: a whole-model checkpoint must be a .keras file")
    if os.path.isdir(path):
        raise IsADirectoryError(f"{path} is a directory, not a checkpoint file")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise OSError(f"cannot write the checkpoint {path}: {error.strerror}") from None
    early = keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", min_delta=0, patience=patience,
                                          restore_best_weights=True)
    best = keras.callbacks.ModelCheckpoint(filepath=path, monitor="val_loss", mode="min", save_best_only=True,
                                           save_weights_only=False)
    return _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, [best, early, keras.callbacks.TerminateOnNaN()])


def train_with_lr_schedule(model, x_train, y_train, x_val, y_val, factor=0.5, patience=2, epochs=10, batch_size=16):
    schedule = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", mode="min", factor=factor, patience=patience,
                                                 min_delta=1e-4, cooldown=0, min_lr=0.0, verbose=0)
    return _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, [schedule])


class GapRecorder(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.gaps = []

    def on_train_begin(self, logs=None):
        self.gaps.clear()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.gaps.append(logs.get("val_loss") - logs.get("loss"))


def record_generalization_gap(model, x_train, y_train, x_val, y_val, epochs=5, batch_size=16):
    gaps = []
    recorder = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: gaps.append(logs["val_loss"] - logs["loss"]))
    history = _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, [recorder])
    return history, np.array(gaps, dtype="float64")


class StopAtThreshold(keras.callbacks.Callback):
    def __init__(self, threshold, monitor="val_accuracy"):
        super().__init__()
        self.threshold, self.monitor = float(threshold), monitor

    def on_epoch_end(self, epoch, logs=None):
        value = (logs or {}).get(self.monitor)
        if value is None:
            raise KeyError(self.monitor)
        self.model.stop_training = bool(value >= self.threshold) or self.model.stop_training


def train_until_accuracy(model, x_train, y_train, x_val, y_val, threshold=0.9, epochs=30, batch_size=32):
    history = keras.callbacks.History()
    _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, [StopAtThreshold(threshold=threshold), history])
    return history


def train_with_tensorboard(model, x_train, y_train, x_val, y_val, log_dir, epochs=3, batch_size=16):
    board = keras.callbacks.TensorBoard(log_dir=Path(log_dir), histogram_freq=1, write_graph=False, update_freq="epoch")
    return _fit(model, x_train, y_train, x_val, y_val, epochs, batch_size, [board])


def plot_architecture(model, to_file="model.png"):
    to_file = Path(to_file)
    keras.utils.plot_model(model, to_file=to_file, show_shapes=True, show_layer_names=True, rankdir="TB")
    return to_file
