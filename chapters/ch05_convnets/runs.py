"""Chapter 5's training runs, written as TensorBoard logs by `kerakit solve ch05`.

Each run trains this chapter's own functions (yours, with `--impl chapters`) the way
the book does, scaled to the kit's data, logging training and validation loss and
accuracy per epoch:

    kerakit solve ch05                      # the reference, into solutions/.../logs/
    kerakit solve ch05 --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch05_convnets/logs,mine:chapters/ch05_convnets/logs

In the reference logs the plain small-data model's training accuracy climbs towards 1.0 while
its validation accuracy stalls near 0.7; with augmentation + dropout the two curves
stay together and validation climbs past 0.9 (DLwP figures 5.9–5.10 and 5.12–5.13).
"""

from kerakit import pretrained
from kerakit.data import mnist as mnist_data, shapes
from kerakit.solve import tensorboard_callback

import augmentation
import mnist_convnet
import small_data
import transfer


def run_mnist(log_dir):
    """Train the MNIST convnet 10 epochs at batch 64, validating on the 1,000 test digits (§5.1)."""
    (x_train, y_train), (x_test, y_test) = mnist_data.load_data()
    x_train, y_train = mnist_convnet.prepare_mnist(x_train, y_train)
    x_test, y_test = mnist_convnet.prepare_mnist(x_test, y_test)
    mnist_convnet.build_mnist_convnet().fit(x_train, y_train, epochs=10, batch_size=64, validation_data=(x_test, y_test),
                                            callbacks=[tensorboard_callback(log_dir)], verbose=0)


def _small_images():
    (x_train, y_train), (x_val, y_val) = shapes.load_data(600, 500, 32)
    return (x_train.astype("float32"), y_train.astype("float32")), (x_val.astype("float32"), y_val.astype("float32"))


def run_small_plain(log_dir):
    """Train the small convnet from scratch, 30 epochs at batch 32 on 600 images: it overfits (§5.2.4)."""
    train, validation = _small_images()
    small_data.build_small_convnet().fit(*train, epochs=30, batch_size=32, validation_data=validation,
                                         callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_small_augmented(log_dir):
    """Train it with augmentation + Dropout(0.5), 60 epochs at batch 32 on the same images (§5.2.5)."""
    train, validation = _small_images()
    model = small_data.build_small_convnet(augmentation=augmentation.build_augmentation(), dropout=0.5)
    model.fit(*train, epochs=60, batch_size=32, validation_data=validation, callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_feature_head(log_dir):
    """Train the dense head on stored EfficientNet-Lite0 features of 200 images of 64 x 64, 20 epochs (§5.3.1)."""
    (x_train, y_train), (x_val, y_val) = shapes.load_data(200, 300, 64, seed=1)
    base = pretrained.load_base((64, 64, 3), pooling="avg")
    features_train, features_val = transfer.extract_features(base, x_train), transfer.extract_features(base, x_val)
    transfer.build_feature_head(features_train.shape[1]).fit(
        features_train, y_train.astype("float32"), epochs=20, batch_size=32, validation_data=(features_val, y_val.astype("float32")),
        callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"mnist": run_mnist, "small_plain": run_small_plain, "small_augmented": run_small_augmented, "feature_head": run_feature_head}
