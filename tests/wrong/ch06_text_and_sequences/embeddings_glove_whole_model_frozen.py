# Wrong (blind tester): freezes the whole model (model.trainable = False) instead of the Embedding, so the Dense layers never learn either
import keras
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
    model.trainable = False
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
