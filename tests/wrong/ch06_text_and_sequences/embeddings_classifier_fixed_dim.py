# Wrong: the book's numbers hard-coded: embedding_dim and maxlen are ignored.
import keras
from keras import layers


def build_embedding_classifier(num_words=10000, embedding_dim=8, maxlen=20):
    model = keras.Sequential([keras.Input(shape=(20,)), layers.Embedding(num_words, 8), layers.Flatten(), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
