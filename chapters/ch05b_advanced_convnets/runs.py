"""Chapter 5b's training runs, written as TensorBoard logs by `kerakit solve ch05b`.

Each run trains this chapter's own functions (yours, with `--impl chapters`) on the
kit's offline MNIST digits, logging training and validation loss and accuracy per epoch:

    kerakit solve ch05b                      # the reference, into solutions/.../logs/
    kerakit solve ch05b --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch05b_advanced_convnets/logs,mine:chapters/ch05b_advanced_convnets/logs
"""

import keras
import numpy as np

from kerakit.data import mnist
from kerakit.solve import tensorboard_callback

import auxiliary_losses
import inception
import transfer_learning


def _digits():
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    return (x_train.astype("float32")[..., None], y_train.astype("int64")), (x_test.astype("float32")[..., None], y_test.astype("int64"))


def run_inception(log_dir):
    """Train the inception classifier (towers of 16 filters) 10 epochs at batch 64 on 2,000 digits."""
    (x_train, y_train), (x_test, y_test) = _digits()
    eye = np.eye(10, dtype="float32")
    model = inception.build_inception_classifier(input_shape=(28, 28, 1), filters=16, num_classes=10)
    model.fit(x_train[:2000], eye[y_train[:2000]], epochs=10, batch_size=64, validation_data=(x_test, eye[y_test]),
              callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_auxiliary(log_dir):
    """Train the three-headed convnet 10 epochs at batch 64 on 2,000 digits: the total and each head's loss are logged."""
    (x_train, y_train), (x_test, y_test) = _digits()
    eye = np.eye(10, dtype="float32")
    model = auxiliary_losses.build_auxiliary_classifier()
    targets = {name: eye[y_train[:2000]] for name in model.output_names}
    validation = {name: eye[y_test] for name in model.output_names}
    model.fit(x_train[:2000], targets, epochs=10, batch_size=64, validation_data=(x_test, validation),
              callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_transfer_target(log_dir):
    """Train the base network on digits 0-4, then the target network 15 epochs on 100 digits 5-9."""
    (x_train, y_train), (x_test, y_test) = _digits()
    (x_base, y_base), (x_target, y_target) = transfer_learning.split_base_and_target(x_train, y_train)
    _, (x_target_test, y_target_test) = transfer_learning.split_base_and_target(x_test, y_test)
    keras.utils.set_random_seed(1234)
    base = transfer_learning.build_base_network()
    base.fit(x_base, y_base, epochs=3, batch_size=64, verbose=0)
    target = transfer_learning.build_target_network(base)
    target.fit(x_target[:100], y_target[:100], epochs=15, batch_size=16, validation_data=(x_target_test, y_target_test),
               callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"inception": run_inception, "auxiliary": run_auxiliary, "transfer_target": run_transfer_target}
