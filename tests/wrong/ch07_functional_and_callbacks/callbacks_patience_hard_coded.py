# WRONG: EarlyStopping(patience=3) hard-coded (copied from a tutorial), ignoring the patience argument -- should lose: train_with_early_stopping (stops at the wrong epoch unless patience == 3)
import os
from pathlib import Path

import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30,
                              batch_size=16):
    if x_val is None or y_val is None:
        raise ValueError("validation data is required")
    p = Path(checkpoint_path)
    if p.suffix != ".keras" or p.is_dir():
        raise ValueError("checkpoint_path must be a .keras file path")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise ValueError("cannot create the checkpoint folder") from None
    if not os.access(p.parent, os.W_OK):
        raise ValueError("checkpoint folder not writable")
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=3),
        keras.callbacks.ModelCheckpoint(str(p), monitor="val_loss", save_best_only=True),
    ]
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=callbacks, verbose=0).history
