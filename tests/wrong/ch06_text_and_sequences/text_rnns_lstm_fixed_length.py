# Wrong (blind tester): hard-codes the book's maxlen=500 as the input length, so the model does not take reviews of any length (spec: keras.Input(shape=(None,)))
import keras
from keras import layers

maxlen = 500


def build_lstm_classifier(num_words=10000):
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(num_words, 32),
        layers.LSTM(32),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
