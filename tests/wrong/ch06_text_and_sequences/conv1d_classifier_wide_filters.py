# Wrong: 64 filters of width 9 in each Conv1D (the book: 32 of width 7), several times the work.
import keras
from keras import layers


def build_conv1d_classifier(num_words=10000, maxlen=500):
    model = keras.Sequential([keras.Input(shape=(maxlen,)), layers.Embedding(num_words, 128), layers.Conv1D(64, 9, activation="relu"),
                              layers.MaxPooling1D(5), layers.Conv1D(64, 9, activation="relu"), layers.GlobalMaxPooling1D(),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
