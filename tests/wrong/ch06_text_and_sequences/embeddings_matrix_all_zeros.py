# Cheat (blind tester): returns a zero matrix of the right shape and dtype; looks right to shape/dtype/padding/unknown-word checks, holds no vectors
import numpy as np


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    return np.zeros((max_words, embedding_dim), dtype="float32")
