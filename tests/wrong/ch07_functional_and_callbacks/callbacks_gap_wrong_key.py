# Wrong: the recorder reads the accuracy entries of logs instead of the losses.
import keras


class GapRecorder(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.gaps = []

    def on_epoch_end(self, epoch, logs=None):
        self.gaps.append(float(logs["val_accuracy"] - logs["accuracy"]))
