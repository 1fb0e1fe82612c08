# Right, written differently: the functional API, a vectorised matrix, the matrix given to the Embedding as a Constant
# initialiser and frozen in its constructor (Keras's other way to load weights).
import keras
import numpy as np
from keras import layers


def build_embedding_classifier(num_words=10000, embedding_dim=8, maxlen=20):
    inputs = keras.Input(shape=(maxlen,), dtype="int32")
    x = layers.Flatten()(layers.Embedding(input_dim=num_words, output_dim=embedding_dim)(inputs))
    outputs = layers.Dense(1)(x)
    outputs = layers.Activation("sigmoid")(outputs)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.BinaryCrossentropy(), metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
    return model


def build_embedding_matrix(word_index, embeddings_index, max_words, embedding_dim):
    pairs = [(i, embeddings_index[word]) for word, i in word_index.items() if i < max_words and word in embeddings_index]
    matrix = np.zeros((max_words, embedding_dim))
    if pairs:
        rows, vectors = zip(*pairs)
        matrix[list(rows)] = np.stack(vectors)
    return matrix


def build_glove_classifier(embedding_matrix, maxlen=100):
    matrix = np.asarray(embedding_matrix, dtype="float32")
    inputs = keras.Input(shape=(maxlen,))
    x = layers.Embedding(matrix.shape[0], matrix.shape[1], embeddings_initializer=keras.initializers.Constant(matrix),
                         trainable=False)(inputs)
    x = layers.Dense(32, activation="relu")(layers.Flatten()(x))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["acc"])
    return model
