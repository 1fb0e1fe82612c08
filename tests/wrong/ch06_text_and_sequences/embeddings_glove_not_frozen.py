# Wrong: loads the matrix but forgets to freeze the Embedding, so fit rewrites the pretrained vectors.
import keras
import numpy as np
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    max_words, embedding_dim = np.shape(embedding_matrix)
    embedding = layers.Embedding(max_words, embedding_dim)
    model = keras.Sequential([keras.Input(shape=(maxlen,)), embedding, layers.Flatten(), layers.Dense(32, activation="relu"),
                              layers.Dense(1, activation="sigmoid")])
    embedding.set_weights([np.asarray(embedding_matrix, dtype="float32")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
