"""Chapter 6, exercise 3: word embeddings, learned from the data or loaded from GloVe.

Textbook: DLwP §6.1.2 "Using word embeddings": an `Embedding` layer learned together with
the classifier (listings 6.5–6.7), then pretrained GloVe vectors loaded into a frozen
`Embedding` and compared with a learned one when only 200 training reviews exist
(listings 6.8–6.14).

Data in the kit: the reviews of `kerakit.data.imdb` (4,000 + 1,000 Amazon fine-food
reviews, not IMDB) and GloVe 6B at 50 dimensions (`kerakit.data.glove`, offline; the book
downloads the 100-dimensional file). A word index maps each word to the id it has in the
sequences (`imdb.get_word_index()` ranks + 3, the way `imdb.load_data` encodes them).

    >>> from kerakit.data import glove, imdb
    >>> word_index = {word: rank + 3 for word, rank in imdb.get_word_index().items()}
    >>> embeddings_index = glove.load_embeddings_index(word_index)   # {word: (50,) float32}
"""

import keras
import numpy as np
from keras import layers


def build_embedding_classifier(num_words=10000, embedding_dim=8, maxlen=20):
    """Return the compiled classifier of listing 6.7: Embedding -> Flatten -> Dense(1, sigmoid).

    Input: (batch, maxlen) integer word ids below num_words (padded reviews).
    Layers: Embedding(num_words, embedding_dim) -> (batch, maxlen, embedding_dim)
    -> Flatten -> (batch, maxlen * embedding_dim) -> Dense(1, sigmoid), the probability
    that the review is positive. Compile with rmsprop, binary_crossentropy and accuracy.
    With the defaults: 80,000 + 161 = 80,161 parameters.

    Textbook: DLwP §6.1.2, listing 6.7 (~75% on IMDB from 20 words a review).
    """
    # Hint: start with keras.Input(shape=(maxlen,)) so the model is built and Flatten knows its size.
    # BEGIN SOLUTION: Input(shape=(maxlen,)), then Embedding, Flatten and a sigmoid unit
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(num_words, embedding_dim),
        layers.Flatten(),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    """Return the (max_words, embedding_dim) float matrix whose row i is the vector of the word with id i.

    Args:
        word_index: dict word -> id (ids start at 1; 0 is padding and belongs to no word).
        embeddings_index: dict word -> vector of length embedding_dim (e.g. GloVe's).
        max_words: the number of rows: words with an id >= max_words are left out.
        embedding_dim: the length of each vector.

    Rows stay all zeros for padding (row 0), for ids no word has, and for words that
    `embeddings_index` does not know. float32 is what an Embedding stores (float64 works too).

    Textbook: DLwP §6.1.3, listing 6.10.
    """
    # Hint: start from zeros; only copy a vector when the id fits AND the word has a vector.
    # BEGIN SOLUTION: np.zeros((max_words, embedding_dim)), then fill the rows you can
    matrix = np.zeros((max_words, embedding_dim), dtype="float32")
    for word, i in word_index.items():
        vector = embeddings_index.get(word)
        if i < max_words and vector is not None:
            matrix[i] = vector
    return matrix
    # END SOLUTION


def build_glove_classifier(embedding_matrix, maxlen=100):
    """Return the compiled classifier of listings 6.11–6.13 with the embedding matrix loaded and FROZEN.

    embedding_matrix: (max_words, embedding_dim), from `build_embedding_matrix`.
    Input: (batch, maxlen) word ids below max_words.
    Layers: Embedding(max_words, embedding_dim) holding exactly `embedding_matrix` and not
    trainable (so fit cannot wreck the pretrained vectors) -> Flatten -> Dense(32, relu)
    -> Dense(1, sigmoid). Compile with rmsprop, binary_crossentropy and accuracy.

    Textbook: DLwP §6.1.3, listings 6.11–6.13.
    """
    # Hint: build the model first, then set the Embedding layer's weights and freeze it BEFORE compile.
    # BEGIN SOLUTION: load the matrix into the Embedding layer and freeze it, then compile
    max_words, embedding_dim = np.shape(embedding_matrix)
    embedding = layers.Embedding(max_words, embedding_dim)
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        embedding,
        layers.Flatten(),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    embedding.set_weights([np.asarray(embedding_matrix, dtype="float32")])
    embedding.trainable = False
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION
