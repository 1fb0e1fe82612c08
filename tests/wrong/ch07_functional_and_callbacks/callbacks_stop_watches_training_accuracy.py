# WRONG: StopAtThreshold ignores its monitor and watches logs["accuracy"] (training accuracy) -- should lose: StopAtThreshold / train_until_accuracy
import keras


class StopAtThreshold(keras.callbacks.Callback):
    def __init__(self, threshold, monitor="val_accuracy"):
        super().__init__()
        self.threshold = threshold
        self.monitor = monitor

    def on_epoch_end(self, epoch, logs=None):
        if logs.get("accuracy", 0.0) >= self.threshold:
            self.model.stop_training = True
