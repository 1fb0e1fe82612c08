"""Chapter 3's training runs, written as TensorBoard logs by `kerakit solve ch03`.

Each run trains this chapter's own functions (yours, with `--impl chapters`) the way
the book does, logging training and validation loss and metric per epoch:

    kerakit solve ch03                      # the reference, into solutions/.../logs/
    kerakit solve ch03 --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch03_first_networks/logs,mine:chapters/ch03_first_networks/logs
"""

import numpy as np

from kerakit.data import boston_housing, imdb as imdb_data, reuters as reuters_data
from kerakit.solve import tensorboard_callback

import boston
import imdb
import reuters


def run_imdb(log_dir):
    """Train the IMDB model for 20 epochs at batch 512 with the book's hold-out validation (§3.4.4)."""
    (train_sequences, train_labels), _ = imdb_data.load_data(num_words=10000)
    x = imdb.vectorize_sequences(train_sequences)
    (partial_x, partial_y), (x_val, y_val) = imdb.holdout_split(x, train_labels.astype("float32"), 1000)
    imdb.build_imdb_model().fit(partial_x, partial_y, epochs=20, batch_size=512, validation_data=(x_val, y_val),
                                callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_reuters(log_dir):
    """Train the Reuters model for 20 epochs at batch 512, first 1,000 samples held out (§3.5.4)."""
    (train_sequences, train_labels), _ = reuters_data.load_data(num_words=10000)
    x = imdb.vectorize_sequences(train_sequences)
    (partial_x, partial_y), (x_val, y_val) = imdb.holdout_split(x, reuters.to_one_hot(train_labels), 1000)
    reuters.build_reuters_model().fit(partial_x, partial_y, epochs=20, batch_size=512, validation_data=(x_val, y_val),
                                      callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_boston(log_dir):
    """Train the Boston model for 80 epochs at batch 16, validating on the first fold of 4 (§3.6.4)."""
    (train_data, train_targets), (test_data, _) = boston_housing.load_data()
    train_data, _ = boston.standardize(train_data, test_data)
    fold = len(train_data) // 4
    boston.build_boston_model().fit(train_data[fold:], train_targets[fold:], epochs=80, batch_size=16,
                                    validation_data=(train_data[:fold], train_targets[:fold]),
                                    callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"imdb": run_imdb, "reuters": run_reuters, "boston": run_boston}
