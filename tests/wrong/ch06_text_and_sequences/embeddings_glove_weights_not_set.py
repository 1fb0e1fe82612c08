# Wrong: freezes a randomly initialised Embedding: the matrix is never loaded.
import keras
import numpy as np
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    max_words, embedding_dim = np.shape(embedding_matrix)
    model = keras.Sequential([keras.Input(shape=(maxlen,)), layers.Embedding(max_words, embedding_dim, trainable=False), layers.Flatten(),
                              layers.Dense(32, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
