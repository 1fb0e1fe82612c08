# Wrong: numbers the rows by the word's position in the dict instead of its id.
import numpy as np


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    matrix = np.zeros((max_words, embedding_dim), dtype="float32")
    for row, word in enumerate(word_index, start=1):
        if row < max_words and word in embeddings_index:
            matrix[row] = embeddings_index[word]
    return matrix
