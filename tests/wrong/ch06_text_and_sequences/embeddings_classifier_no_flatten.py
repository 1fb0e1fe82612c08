# Wrong: leaves out Flatten, so Dense(1) is applied to every word's vector: the output is (batch, maxlen, 1), not one probability.
import keras
from keras import layers


def build_embedding_classifier(num_words=10000, embedding_dim=8, maxlen=20):
    model = keras.Sequential([keras.Input(shape=(maxlen,)), layers.Embedding(num_words, embedding_dim), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
