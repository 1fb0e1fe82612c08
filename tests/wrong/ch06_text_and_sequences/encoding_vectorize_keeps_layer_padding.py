# Wrong: pads the layer's batch output as it is, without dropping the zeros the layer already put at the end of short texts.
import keras
import numpy as np


def vectorize_texts(train_texts, texts, max_tokens, maxlen):
    vectorizer = keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="int")
    vectorizer.adapt(train_texts)
    return keras.utils.pad_sequences(np.asarray(vectorizer(texts)), maxlen=maxlen)
