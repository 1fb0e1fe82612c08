# Wrong: ReduceLROnPlateau watches the training loss, which keeps falling: the rate is never reduced.
import keras


def train_with_lr_schedule(model, x_train, y_train, x_val, y_val, factor=0.5, patience=2, epochs=10, batch_size=16):
    reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=factor, patience=patience)
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=[reduce_lr], verbose=0).history
