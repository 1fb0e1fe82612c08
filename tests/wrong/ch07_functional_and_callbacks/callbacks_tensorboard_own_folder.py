# Wrong: writes to a folder of its own choosing instead of log_dir.
import os
import tempfile

import keras


def train_with_tensorboard(model, x_train, y_train, x_val, y_val, log_dir, epochs=3, batch_size=16):
    folder = os.path.join(tempfile.mkdtemp(), "logs")
    return model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=folder, histogram_freq=1)], verbose=0).history
