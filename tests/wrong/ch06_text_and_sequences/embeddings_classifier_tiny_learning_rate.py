# Wrong: RMSprop with a learning rate 1000 times too small: the right architecture, but it cannot learn within the budget.
import keras
from keras import layers


def build_embedding_classifier(num_words=10000, embedding_dim=8, maxlen=20):
    model = keras.Sequential([keras.Input(shape=(maxlen,)), layers.Embedding(num_words, embedding_dim), layers.Flatten(),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-6), loss="binary_crossentropy", metrics=["accuracy"])
    return model
