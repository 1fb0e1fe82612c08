"""Chapter 7's training runs, written as TensorBoard logs by `kerakit solve ch07`.

    kerakit solve ch07                      # the reference, into solutions/.../logs/
    kerakit solve ch07 --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch07_functional_and_callbacks/logs,mine:chapters/ch07_functional_and_callbacks/logs
"""

import keras
import numpy as np

from kerakit.data import mnist
from kerakit.solve import tensorboard_callback

import multi_io
import seed_models


def run_mlp(log_dir):
    """Train the tutorial's MLP 10 epochs at batch 64 on the kit's 4,000 digits (flattened, scaled to [0, 1])."""
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    eye = np.eye(10, dtype="float32")
    model = seed_models.build_mlp()
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train.reshape(-1, 784) / 255.0, eye[y_train], epochs=10, batch_size=64,
              validation_data=(x_test.reshape(-1, 784) / 255.0, eye[y_test]), callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_question_answering(log_dir):
    """Train the question-answering model 10 epochs on generated questions whose answer depends on both inputs."""
    rng = np.random.default_rng(1234)
    keras.utils.set_random_seed(1234)
    n, length = 1500, 40
    text, question = rng.integers(10, 200, size=(n, length)), rng.integers(10, 200, size=(n, 8))
    topic, asked = rng.integers(0, 4, size=n), rng.integers(0, 2, size=n)
    text[np.arange(n), rng.integers(0, length, size=n)] = 1 + topic
    question[np.arange(n), rng.integers(0, 8, size=n)] = 6 + asked
    answers = np.eye(8, dtype="float32")[2 * topic + asked]
    model = multi_io.build_question_answering(200, 200, 8)
    model.fit([text[:1000], question[:1000]], answers[:1000], epochs=10, batch_size=32,
              validation_data=([text[1000:], question[1000:]], answers[1000:]), callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"mlp": run_mlp, "question_answering": run_question_answering}
