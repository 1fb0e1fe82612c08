"""Time an epoch of the book's 1D text convnet against an epoch of an LSTM(32) classifier on the same reviews.

Usage: python benchmarks/conv1d_vs_lstm_epoch.py [--maxlen 100] [--repeats 3]
Prints, per model, the fastest of `--repeats` epochs after a warm-up epoch (graph tracing excluded),
and the ratio convnet / LSTM. The book (DLwP §6.4) says the convnet is much faster; that is a GPU result.
Measured on the kit's 2-core CPU (2,048 reviews, batch 256): 1.1-1.3 at maxlen 100, 1.4-1.6 at 500.
Chapter 6's sheet quotes these figures; no grader uses wall-clock time (it depends on the box and its load).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH = 256


def seconds_per_epoch(model, x, y, repeats: int) -> float:
    """Return the fastest of `repeats` timed epochs of `model` after one warm-up epoch."""
    model.fit(x, y, epochs=1, batch_size=BATCH, verbose=0)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        model.fit(x, y, epochs=1, batch_size=BATCH, verbose=0)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maxlen", type=int, default=100)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "solutions" / "ch06_text_and_sequences"))
    import keras
    from keras import layers

    import conv1d
    from kerakit.data import imdb

    keras.utils.set_random_seed(0)
    (x_train, y_train), _ = imdb.load_data(num_words=args.words)
    x = keras.utils.pad_sequences(x_train[:2048], maxlen=args.maxlen)
    y = y_train[:2048].astype("float32")
    convnet = conv1d.build_conv1d_classifier(args.words, args.maxlen)
    lstm = keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(args.words, 32), layers.LSTM(32),
                             layers.Dense(1, activation="sigmoid")])
    lstm.compile(optimizer="rmsprop", loss="binary_crossentropy")
    conv_seconds = seconds_per_epoch(convnet, x, y, args.repeats)
    lstm_seconds = seconds_per_epoch(lstm, x, y, args.repeats)
    print(f"maxlen {args.maxlen}: convnet {conv_seconds:.2f} s an epoch, LSTM(32) {lstm_seconds:.2f} s, "
          f"ratio {conv_seconds / lstm_seconds:.2f}")


if __name__ == "__main__":
    main()
