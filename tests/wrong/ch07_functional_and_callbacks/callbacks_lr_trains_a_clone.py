# Wrong (a cheat, or a misunderstanding): trains a copy of the model, so the model given to it is never trained
# and its optimizer's rate never changes; the history looks right.
import keras


def train_with_lr_schedule(model, x_train, y_train, x_val, y_val, factor=0.5, patience=2, epochs=10, batch_size=16):
    copy = keras.models.clone_model(model)
    copy.compile(optimizer=keras.optimizers.Adam(float(model.optimizer.learning_rate.numpy())), loss=model.loss,
                 metrics=["accuracy"])
    reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=factor, patience=patience)
    return copy.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                    callbacks=[reduce_lr], verbose=0).history
