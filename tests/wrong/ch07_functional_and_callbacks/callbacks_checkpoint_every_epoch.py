# Wrong: ModelCheckpoint without save_best_only: the file is overwritten every epoch and ends up holding the LAST
# epoch's model, which early stopping left `patience` epochs past the best.
import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30, batch_size=16):
    if x_val is None or y_val is None:
        raise ValueError("EarlyStopping monitors val_loss: pass x_val and y_val")
    if not str(checkpoint_path).endswith(".keras"):
        raise ValueError(f"checkpoint_path {checkpoint_path} should end in .keras")
    from pathlib import Path

    path = Path(checkpoint_path)
    if path.is_dir() or any(p.is_file() for p in path.parents):
        raise ValueError(f"cannot write the checkpoint {checkpoint_path}")
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
                 keras.callbacks.ModelCheckpoint(str(path), monitor="val_loss")]
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=callbacks, verbose=0).history
