# Wrong: leaves out the Dense(32, relu) layer of listing 6.11.
import keras
import numpy as np
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    max_words, embedding_dim = np.shape(embedding_matrix)
    embedding = layers.Embedding(max_words, embedding_dim, trainable=False)
    model = keras.Sequential([keras.Input(shape=(maxlen,)), embedding, layers.Flatten(), layers.Dense(1, activation="sigmoid")])
    embedding.set_weights([np.asarray(embedding_matrix, dtype="float32")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
