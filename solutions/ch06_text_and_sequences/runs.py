"""Chapter 6's training runs, written as TensorBoard logs by `kerakit solve ch06`.

    kerakit solve ch06                      # the reference, into solutions/.../logs/
    kerakit solve ch06 --impl chapters      # your code, into chapters/.../logs/
    tensorboard --logdir_spec reference:solutions/ch06_text_and_sequences/logs,mine:chapters/ch06_text_and_sequences/logs
"""

import keras

from kerakit.data import imdb
from kerakit.data import weather as weather_data
from kerakit.solve import tensorboard_callback

import conv1d
import embeddings
import text_rnns
import weather


def padded_reviews(num_words, maxlen):
    """Return (x_train, y_train), (x_test, y_test): the kit's reviews as word ids, pre-padded/truncated to maxlen."""
    (x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=num_words)
    pad = keras.utils.pad_sequences
    return (pad(x_train, maxlen=maxlen), y_train.astype("float32")), (pad(x_test, maxlen=maxlen), y_test.astype("float32"))


def run_learned_embedding(log_dir):
    """Train the Embedding -> Flatten -> Dense classifier 10 epochs at batch 32 on the last 20 words of each review."""
    keras.utils.set_random_seed(1234)
    (x_train, y_train), test = padded_reviews(10000, 20)
    model = embeddings.build_embedding_classifier(10000, 8, 20)
    model.fit(x_train, y_train, epochs=10, batch_size=32, validation_data=test, callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_lstm(log_dir):
    """Train the LSTM(32) classifier 10 epochs at batch 64 on the last 100 words of each review (2,000-word vocabulary)."""
    keras.utils.set_random_seed(1234)
    (x_train, y_train), test = padded_reviews(2000, 100)
    model = text_rnns.build_lstm_classifier(2000)
    model.fit(x_train, y_train, epochs=10, batch_size=64, validation_data=test, callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_conv1d(log_dir):
    """Train the 1D convnet 10 epochs at batch 64 on the same reviews as the LSTM, to compare the two curves."""
    keras.utils.set_random_seed(1234)
    (x_train, y_train), test = padded_reviews(2000, 100)
    model = conv1d.build_conv1d_classifier(2000, 100)
    model.fit(x_train, y_train, epochs=10, batch_size=64, validation_data=test, callbacks=[tensorboard_callback(log_dir)], verbose=0)


def run_weather_gru(log_dir):
    """Train GRU(32) 10 epochs on the JFK series (lookback 120, step 3, delay 24), fed by the generators, with validation."""
    keras.utils.set_random_seed(1234)
    _, float_data = weather_data.load_data()
    num_train, val_end, lookback, step, delay, batch_size = 5000, 7000, 120, 3, 24, 128
    data, _, _ = weather.normalize(float_data, num_train)
    train_gen = weather.generator(data, lookback, delay, 0, num_train, shuffle=True, batch_size=batch_size, step=step, seed=1234)
    val_gen = weather.generator(data, lookback, delay, num_train, val_end, batch_size=batch_size, step=step)
    model = weather.build_gru(data.shape[-1])
    model.fit(train_gen, steps_per_epoch=(num_train - lookback) // batch_size, epochs=10, validation_data=val_gen,
              validation_steps=(val_end - num_train - lookback) // batch_size, callbacks=[tensorboard_callback(log_dir)], verbose=0)


RUNS = {"learned_embedding": run_learned_embedding, "lstm": run_lstm, "conv1d": run_conv1d, "weather_gru": run_weather_gru}
