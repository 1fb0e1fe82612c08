# Right, written differently: the functional API, explicit defaults (merge_mode="concat", activation="tanh"), a loop that
# sets return_sequences by position.
import keras
from keras import layers


def _classifier(num_words, *middle):
    inputs = keras.Input(shape=(None,), dtype="int64")
    x = layers.Embedding(num_words, 32)(inputs)
    for layer in middle:
        x = layer(x)
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.001), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_simple_rnn_classifier(num_words=10000):
    return _classifier(num_words, layers.SimpleRNN(units=32, activation="tanh"))


def build_stacked_simple_rnn(num_words=10000, num_layers=4):
    return _classifier(num_words, *[layers.SimpleRNN(32, return_sequences=index < num_layers - 1) for index in range(num_layers)])


def build_lstm_classifier(num_words=10000):
    return _classifier(num_words, layers.LSTM(32, return_sequences=False))


def build_bidirectional_lstm(num_words=10000):
    return _classifier(num_words, layers.Bidirectional(layers.LSTM(32), merge_mode="concat"))
