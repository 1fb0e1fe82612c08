# Wrong: the right LSTM, but RMSprop at 1e-6: it cannot learn within the budget.
import keras
from keras import layers


def _compiled(model, optimizer="rmsprop"):
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_lstm_classifier(num_words=10000):
    return _compiled(keras.Sequential([keras.Input(shape=(None,)), layers.Embedding(num_words, 32), layers.LSTM(32),
                                       layers.Dense(1, activation="sigmoid")]), optimizer=keras.optimizers.RMSprop(learning_rate=1e-6))
