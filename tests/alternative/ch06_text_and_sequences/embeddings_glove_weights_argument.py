# Right (blind tester): the matrix passed as Embedding(..., weights=[matrix]), the functional API, Activation layers.
import keras
from keras import layers


def build_glove_classifier(embedding_matrix, maxlen=100):
    # functional API, Embedding(..., weights=[matrix]) (Keras 3 accepts it), Activation layers
    inputs = keras.Input(shape=(maxlen,), dtype="int32")
    x = layers.Embedding(embedding_matrix.shape[0], embedding_matrix.shape[1],
                         weights=[embedding_matrix], trainable=False)(inputs)
    x = layers.Flatten()(x)
    x = layers.Dense(32)(x)
    x = layers.Activation("relu")(x)
    x = layers.Dense(1)(x)
    outputs = layers.Activation("sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
