# Wrong: the gap the other way round, loss - val_loss.
import keras


class GapRecorder(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.gaps = []

    def on_epoch_end(self, epoch, logs=None):
        self.gaps.append(logs["loss"] - logs["val_loss"])
