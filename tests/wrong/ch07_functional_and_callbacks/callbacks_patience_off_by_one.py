# Wrong: EarlyStopping given patience + 1 ("wait patience epochs, then one more"), so training runs one epoch too long.
import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30, batch_size=16):
    if x_val is None or y_val is None:
        raise ValueError("EarlyStopping monitors val_loss: pass x_val and y_val")
    if not str(checkpoint_path).endswith(".keras"):
        raise ValueError(f"checkpoint_path {checkpoint_path} should end in .keras")
    from pathlib import Path

    path = Path(checkpoint_path)
    if path.is_dir() or (path.parent.exists() and not path.parent.is_dir()) or any(p.is_file() for p in path.parents):
        raise ValueError(f"cannot write the checkpoint {checkpoint_path}")
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience + 1),
                 keras.callbacks.ModelCheckpoint(str(path), monitor="val_loss", save_best_only=True)]
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=callbacks, verbose=0).history
