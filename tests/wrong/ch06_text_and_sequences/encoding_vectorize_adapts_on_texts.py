# Wrong: adapts the vocabulary on the texts to encode instead of train_texts (a test set leaking into the vocabulary).
import keras
import numpy as np


def vectorize_texts(train_texts, texts, max_tokens, maxlen):
    vectorizer = keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="int")
    vectorizer.adapt(texts)
    ids = np.asarray(vectorizer(texts))
    return keras.utils.pad_sequences([row[row != 0] for row in ids], maxlen=maxlen)
