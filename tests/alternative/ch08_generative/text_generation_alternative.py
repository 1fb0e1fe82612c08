# Right, written differently: vectorised one-hot with np.eye, a functional model, model(x) instead of predict.
import numpy as np
import keras
from keras import layers


def make_sequences(text, maxlen=60, step=3):
    sentences, next_chars = [], []
    i = 0
    while i + maxlen < len(text):
        sentences.append(text[i:i + maxlen])
        next_chars.append(text[i + maxlen])
        i += step
    return sentences, next_chars


def vectorize(sentences, next_chars, chars):
    eye = np.eye(len(chars), dtype=np.float32)
    lookup = {c: k for k, c in enumerate(chars)}
    x = np.stack([eye[[lookup[c] for c in s]] for s in sentences]) if sentences else np.zeros((0, 0, len(chars)), np.float32)
    y = eye[[lookup[c] for c in next_chars]]
    return x, y


def build_char_lstm(maxlen=60, num_chars=57):
    inputs = keras.Input(shape=(maxlen, num_chars))
    outputs = layers.Dense(num_chars, activation="softmax")(layers.LSTM(128)(inputs))
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(0.01), loss=keras.losses.CategoricalCrossentropy())
    return model


def generate_text(model, seed_text, chars, length, temperature, rng):
    maxlen = model.input_shape[1]
    for char in seed_text:
        if char not in chars:
            raise ValueError(f"character {char!r} is not in the corpus")
    if len(seed_text) < maxlen:
        raise ValueError(f"need a seed of {maxlen} characters, got {len(seed_text)}")
    window = seed_text[-maxlen:]
    result = ""
    for _ in range(length):
        x, _ = vectorize([window], [window[-1]], chars)
        preds = np.asarray(model(x, training=False))[0].astype("float64")
        preds /= preds.sum()
        char = chars[sample(preds, temperature, rng)]
        result += char
        window = window[1:] + char
    return result
