"""Chapter 4's training runs, written as TensorBoard logs by `kerakit solve ch04`.

The book's figures 4-4 to 4-9 compare validation loss curves: the original IMDB model
against a smaller and a bigger one, against L2 regularisation and against dropout.
Each run here trains one of this chapter's models (yours, with `--impl chapters`) on
the same data for 20 epochs, so TensorBoard shows them side by side:

    kerakit solve ch04
    tensorboard --logdir solutions/ch04_fundamentals/logs
    kerakit solve ch04 --impl chapters      # your models, into chapters/.../logs/
"""

from kerakit.data import imdb as imdb_data
from kerakit.data.encoding import multi_hot
from kerakit.solve import tensorboard_callback

import regularization

VOCABULARY = 10000
VALIDATION = 1000


def imdb_holdout():
    """Return ((x_train, y_train), (x_val, y_val)): multi-hot IMDB-style reviews, the first 1,000 held out."""
    (sequences, labels), _ = imdb_data.load_data(num_words=VOCABULARY)
    x, y = multi_hot(sequences, VOCABULARY), labels.astype("float32")
    return (x[VALIDATION:], y[VALIDATION:]), (x[:VALIDATION], y[:VALIDATION])


def train_for_the_figure(build, log_dir):
    """Train the model `build()` returns for 20 epochs at batch 512, logging train and validation curves."""
    (x_train, y_train), validation = imdb_holdout()
    build().fit(x_train, y_train, epochs=20, batch_size=512, validation_data=validation,
                callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {
    "original": lambda log_dir: train_for_the_figure(regularization.build_original_model, log_dir),
    "smaller": lambda log_dir: train_for_the_figure(regularization.build_smaller_model, log_dir),
    "bigger": lambda log_dir: train_for_the_figure(regularization.build_bigger_model, log_dir),
    "l2": lambda log_dir: train_for_the_figure(lambda: regularization.build_regularized_model("l2"), log_dir),
    "dropout": lambda log_dir: train_for_the_figure(regularization.build_dropout_model, log_dir),
}
