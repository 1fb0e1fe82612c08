# Wrong: forgets max_tokens, so the vocabulary keeps every word and ids go past max_tokens.
import keras
import numpy as np


def vectorize_texts(train_texts, texts, max_tokens, maxlen):
    vectorizer = keras.layers.TextVectorization(output_mode="int")
    vectorizer.adapt(train_texts)
    ids = np.asarray(vectorizer(texts))
    return keras.utils.pad_sequences([row[row != 0] for row in ids], maxlen=maxlen)
