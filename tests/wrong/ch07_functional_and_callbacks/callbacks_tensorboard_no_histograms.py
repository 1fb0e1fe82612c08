# Wrong: TensorBoard with its defaults: scalars only, histogram_freq=0 writes no weight histograms.
import keras


def train_with_tensorboard(model, x_train, y_train, x_val, y_val, log_dir, epochs=3, batch_size=16):
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=str(log_dir))], verbose=0).history
