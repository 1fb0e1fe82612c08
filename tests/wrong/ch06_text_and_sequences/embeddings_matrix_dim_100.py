# Wrong: the book's 100 dimensions hard-coded.
import numpy as np


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    matrix = np.zeros((max_words, 100), dtype="float32")
    for word, i in word_index.items():
        vector = embeddings_index.get(word)
        if i < max_words and vector is not None:
            matrix[i, : len(vector)] = vector
    return matrix
