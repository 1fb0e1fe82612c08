# Wrong here: a sigmoid head and binary cross-entropy for a choice among num_chars characters.
import keras
from keras import layers


def build_char_lstm(maxlen=60, num_chars=57):
    model = keras.Sequential([keras.Input(shape=(maxlen, num_chars)), layers.LSTM(128), layers.Dense(num_chars, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="binary_crossentropy")
    return model
