# Wrong: forgets that ids >= max_words have no row: indexing past the matrix raises IndexError.
import numpy as np


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    matrix = np.zeros((max_words, embedding_dim), dtype="float32")
    for word, i in word_index.items():
        vector = embeddings_index.get(word)
        if vector is not None:
            matrix[i] = vector
    return matrix
