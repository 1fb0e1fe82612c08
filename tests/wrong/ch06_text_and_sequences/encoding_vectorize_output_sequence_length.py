# Wrong: lets TextVectorization pad and truncate (output_sequence_length=maxlen): zeros at the END, the FIRST maxlen ids kept.
import keras
import numpy as np


def vectorize_texts(train_texts, texts, max_tokens, maxlen):
    vectorizer = keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="int", output_sequence_length=maxlen)
    vectorizer.adapt(train_texts)
    return np.asarray(vectorizer(texts))
