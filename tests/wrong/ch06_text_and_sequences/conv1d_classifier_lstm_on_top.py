# Wrong: an LSTM reads the pooled features instead of the second Conv1D and GlobalMaxPooling1D.
import keras
from keras import layers


def build_conv1d_classifier(num_words=10000, maxlen=500):
    model = keras.Sequential([keras.Input(shape=(maxlen,)), layers.Embedding(num_words, 128), layers.Conv1D(32, 7, activation="relu"),
                              layers.MaxPooling1D(5), layers.LSTM(32), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
