# Wrong: the checkpoint path is not checked before training: a path that cannot be written fails only at the first
# save, after an epoch of training (or never, for a folder Keras cannot tell from a file in time).
import keras


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30, batch_size=16):
    if x_val is None or y_val is None:
        raise ValueError("EarlyStopping monitors val_loss: pass x_val and y_val")
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
                 keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_loss", save_best_only=True)]
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=callbacks, verbose=0).history
