# Wrong: the question comes first and the embeddings are swapped.
import keras
from keras import layers


def build_question_answering(text_vocabulary_size=10000, question_vocabulary_size=10000, answer_vocabulary_size=500):
    question = keras.Input(shape=(None,), dtype="int32", name="question")
    text = keras.Input(shape=(None,), dtype="int32", name="text")
    merged = layers.concatenate([layers.LSTM(32)(layers.Embedding(text_vocabulary_size, 64)(question)),
                                 layers.LSTM(16)(layers.Embedding(question_vocabulary_size, 32)(text))])
    model = keras.Model([question, text], layers.Dense(answer_vocabulary_size, activation="softmax")(merged))
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
