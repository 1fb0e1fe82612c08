# Wrong: the book's Keras 2 key "val_acc", read with .get and a default: in Keras 3 the logs say "val_accuracy",
# so the value is never there and training never stops.
import keras


class StopAtThreshold(keras.callbacks.Callback):
    def __init__(self, threshold, monitor="val_acc"):
        super().__init__()
        self.threshold = threshold
        self.monitor = monitor

    def on_epoch_end(self, epoch, logs=None):
        if (logs or {}).get("val_acc", 0.0) >= self.threshold:
            self.model.stop_training = True
