"""Chapter 3, exercise 2: classifying newswires into 46 topics (single-label, multiclass).

Textbook: DLwP §3.5 (seed 004 §3.5; seed 000/001 §2.2 "多分类问题").
Data: `kerakit.data.reuters.load_data(num_words=10000)` (offline: a generated corpus
with Reuters' shape and topic skew; see datasets/README.md).
"""

import numpy as np
import keras
from keras import layers

NUM_TOPICS = 46


def to_one_hot(labels, dimension=NUM_TOPICS):
    """Return a (len(labels), dimension) float32 one-hot array for integer labels.

    Row i is all zeros except a 1.0 in column labels[i]. This is what
    `keras.utils.to_categorical` does; write it yourself.

    Textbook: DLwP §3.5.2 (to_one_hot); seed 000 §2.2 (独热编码).
    """
    raise NotImplementedError("one row per label, a single 1.0 in the label's column")


def loss_for_labels(label_encoding):
    """Return the name of the Keras loss that matches how the labels are encoded.

    Args:
        label_encoding: "one_hot" (labels are one-hot rows) or "integer" (labels are
            class numbers 0..45).

    Returns:
        "categorical_crossentropy" for one-hot labels, "sparse_categorical_crossentropy"
        for integer labels.

    Raises:
        ValueError: for any other encoding, naming the two allowed ones.

    Textbook: DLwP §3.5.6 "A different way to handle the labels and the loss".
    """
    raise NotImplementedError("two encodings, two losses; anything else is an error")


def build_reuters_model(input_dim=10000, num_classes=NUM_TOPICS, label_encoding="one_hot"):
    """Return the book's compiled Reuters model: Dense(64, relu) -> Dense(64, relu) -> Dense(46, softmax).

    Input: (batch, input_dim) multi-hot vectors. Output: (batch, num_classes), a
    probability distribution over the topics (each row sums to 1). At 10,000 inputs
    the model has 647,214 parameters. Compile with rmsprop, the loss that matches
    `label_encoding` (use `loss_for_labels`) and the accuracy metric.

    Textbook: DLwP §3.5.3 "Building your network"; seed 000 §2.2.
    """
    # Hint: a hidden layer narrower than 46 units is an information bottleneck (§3.5.7).
    raise NotImplementedError("as in build_imdb_model, but with 64 units and a softmax over num_classes")
