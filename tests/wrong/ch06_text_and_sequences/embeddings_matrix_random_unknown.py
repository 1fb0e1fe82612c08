# Wrong: gives words GloVe lacks a random vector instead of zeros.
import numpy as np


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    matrix = np.zeros((max_words, embedding_dim), dtype="float32")
    rng = np.random.default_rng(0)
    for word, i in word_index.items():
        if i < max_words:
            vector = embeddings_index.get(word)
            matrix[i] = vector if vector is not None else rng.normal(scale=0.1, size=embedding_dim)
    return matrix
