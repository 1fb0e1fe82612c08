# Wrong (blind tester): freezes only after the optimizer has been built (a "sanity check" train_on_batch right after compile): that step already moved row 0 of the matrix, and the next fit fails (optimizer built for 4 trainable variables, now 3)
import keras
import numpy as np
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    max_words, embedding_dim = embedding_matrix.shape
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(max_words, embedding_dim),
        layers.Flatten(),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.layers[0].set_weights([embedding_matrix])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    # make sure everything is wired up before freezing
    model.train_on_batch(np.zeros((2, maxlen), dtype="int32"), np.array([[0.0], [1.0]]))
    model.layers[0].trainable = False
    return model
