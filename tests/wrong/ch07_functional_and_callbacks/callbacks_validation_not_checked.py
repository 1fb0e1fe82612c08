# Wrong: without validation data it quietly trains without it; Keras then only warns that val_loss is missing,
# and neither callback ever acts.
import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30, batch_size=16):
    from pathlib import Path

    path = Path(checkpoint_path)
    if path.suffix != ".keras" or path.is_dir() or any(p.is_file() for p in path.parents):
        raise ValueError(f"cannot write the checkpoint {checkpoint_path}")
    validation = (x_val, y_val) if x_val is not None and y_val is not None else None
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
                 keras.callbacks.ModelCheckpoint(str(path), monitor="val_loss", save_best_only=True)]
    return model.fit(x_train, y_train, validation_data=validation, epochs=epochs, batch_size=batch_size,
                     callbacks=callbacks, verbose=0).history
