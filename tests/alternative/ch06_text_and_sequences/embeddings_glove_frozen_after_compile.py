# Right (blind tester): frozen after compile, which Keras 3 honours as long as the optimizer has not been built.
import keras
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    # the book's order, but frozen AFTER compile: harmless in Keras 3, where the optimizer
    # collects the trainable variables only at the first fit (in Keras 2 you had to recompile)
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(len(embedding_matrix), embedding_matrix.shape[1]),
        layers.Flatten(),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    model.layers[0].set_weights([embedding_matrix])
    model.layers[0].trainable = False
    return model
