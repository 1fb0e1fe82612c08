# Wrong: ReduceLROnPlateau given patience but not factor, so it divides the rate by 10 (its default factor=0.1).
import keras


def train_with_lr_schedule(model, x_train, y_train, x_val, y_val, factor=0.5, patience=2, epochs=10, batch_size=16):
    reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", patience=patience)
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=[reduce_lr], verbose=0).history
