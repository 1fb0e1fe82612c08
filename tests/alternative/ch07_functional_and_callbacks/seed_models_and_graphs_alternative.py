# Right: Sequential where the model is a chain, a Dense on the 3-D sequence instead of TimeDistributed,
# towers built in another order, keras.layers.Add()/Concatenate() objects, a separate Activation layer.
import keras
from keras import layers


def build_mlp():
    return keras.Sequential([keras.Input(shape=(784,)), layers.Dense(512, activation="relu"), layers.Dense(216, activation="relu"),
                             layers.Dense(128, activation="relu"), layers.Dense(10, activation="softmax")])


def build_shared_input_cnn():
    image = keras.Input(shape=(28, 28, 1))
    wide = layers.Conv2D(16, 8, activation="relu")(image)
    narrow = layers.Conv2D(32, 4, activation="relu")(image)
    features = layers.Concatenate()([layers.Flatten()(layers.MaxPooling2D()(narrow)), layers.Flatten()(layers.MaxPooling2D()(wide))])
    return keras.Model(image, layers.Dense(10, activation="softmax")(layers.Dense(64, activation="relu")(features)))


def build_multi_output():
    inputs = keras.Input(shape=(784, 1))
    sequence = layers.LSTM(64, return_sequences=True)(inputs)
    per_step = layers.Dense(10, activation="softmax")(sequence)
    whole = layers.Dense(10, activation="softmax")(layers.Dense(32, activation="relu")(layers.LSTM(32)(sequence)))
    return keras.Model(inputs=inputs, outputs=[whole, per_step])


def build_residual_block(input_shape=(32, 32, 128), filters=128):
    x = keras.Input(shape=input_shape)
    y = layers.Activation("relu")(layers.Conv2D(filters, (3, 3), padding="same")(x))
    y = layers.Conv2D(filters, (3, 3), padding="same")(y)
    if x.shape[-1] != filters:
        x_short = layers.Conv2D(filters, (1, 1), padding="same")(x)
    else:
        x_short = x
    return keras.Model(x, layers.Add()([y, x_short]))


def build_siamese_lstm(timesteps=None, features=128, units=32):
    shared = layers.LSTM(units)
    inputs = [keras.Input(shape=(timesteps, features)) for _ in range(2)]
    encoded = [shared(i) for i in inputs]
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(layers.Concatenate(axis=-1)(encoded)))
