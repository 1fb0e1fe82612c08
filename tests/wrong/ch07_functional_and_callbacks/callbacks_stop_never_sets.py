# Wrong: sets stop_training on the callback itself, not on the model, so fit never hears about it.
import keras


class StopAtThreshold(keras.callbacks.Callback):
    def __init__(self, threshold, monitor="val_accuracy"):
        super().__init__()
        self.threshold = threshold
        self.monitor = monitor
        self.stop_training = False

    def on_epoch_end(self, epoch, logs=None):
        if logs[self.monitor] >= self.threshold:
            self.stop_training = True
