"""Chapter 7, exercise 2: directed acyclic graphs of layers — inception, residual connections, shared layers, models as layers.

Textbook: DLwP §7.1.4 "Directed acyclic graphs of layers" (the inception module and
residual connections), §7.1.5 "Layer weight sharing" (a siamese LSTM) and §7.1.6
"Models as layers" (one vision model applied to two camera inputs); seed 003 §3.4.
"""

import keras
from keras import layers


def build_inception_block(input_shape=(32, 32, 64), filters=128):
    """Return the book's inception module (listing in §7.1.4) as a keras.Model.

    Four branches on the same input, relu and padding="same" everywhere, every branch
    ending with stride 2 so the outputs line up at half the height and width:
      a: Conv2D(filters, 1x1, strides=2)
      b: Conv2D(filters, 1x1) -> Conv2D(filters, 3x3, strides=2)
      c: AveragePooling2D(3x3, strides=2, padding="same") -> Conv2D(filters, 3x3)
      d: Conv2D(filters, 1x1) -> Conv2D(filters, 3x3) -> Conv2D(filters, 3x3, strides=2)
    concatenated on the channel axis: (None, h / 2, w / 2, 4 * filters).

    Textbook: DLwP §7.1.4, "Inception modules".
    """
    # Hint: every branch must reach the same height and width, so each applies stride 2 exactly once.
    # BEGIN SOLUTION: four branches from one input, one stride-2 step each, concatenated
    inputs = keras.Input(shape=input_shape)

    def conv(x, size, strides=1):
        return layers.Conv2D(filters, size, strides=strides, padding="same", activation="relu")(x)

    branch_a = conv(inputs, 1, strides=2)
    branch_b = conv(conv(inputs, 1), 3, strides=2)
    branch_c = conv(layers.AveragePooling2D(3, strides=2, padding="same")(inputs), 3)
    branch_d = conv(conv(conv(inputs, 1), 3), 3, strides=2)
    return keras.Model(inputs, layers.concatenate([branch_a, branch_b, branch_c, branch_d], axis=-1))
    # END SOLUTION


def build_residual_block(input_shape=(32, 32, 128), filters=128):
    """Return a residual block as a keras.Model: two 3x3 convolutions whose output is ADDED to a shortcut.

    Residual branch: Conv2D(filters, 3x3, relu, padding="same") -> Conv2D(filters, 3x3, padding="same")
    (no activation on the second, so a zeroed branch outputs exactly 0).
    Shortcut: the input itself when it already has `filters` channels (an identity
    connection); otherwise a Conv2D(filters, 1x1) projection, so the shapes match.
    Output: layers.add([residual, shortcut]), shape (None, h, w, filters).

    Textbook: DLwP §7.1.4, "Residual connections" (identity and linear-projection shortcuts).
    """
    # Hint: compare input_shape[-1] with filters to choose the shortcut.
    # BEGIN SOLUTION: two convolutions, an identity or 1x1 shortcut, added
    inputs = keras.Input(shape=input_shape)
    residual = layers.Conv2D(filters, 3, padding="same", activation="relu")(inputs)
    residual = layers.Conv2D(filters, 3, padding="same")(residual)
    shortcut = inputs if input_shape[-1] == filters else layers.Conv2D(filters, 1)(inputs)
    return keras.Model(inputs, layers.add([residual, shortcut]))
    # END SOLUTION


def build_siamese_lstm(timesteps=None, features=128, units=32):
    """Return the siamese model: ONE LSTM layer reads both sentences, its two outputs decide if they are alike.

    Inputs: left and right sequences of shape (timesteps, features), in that order.
    One `layers.LSTM(units)` object is called on both (its weights are shared), the two
    results are concatenated, and Dense(1, sigmoid) gives the prediction. The model
    has the parameters of one LSTM, half of what two separate LSTMs would have.

    Textbook: DLwP §7.1.5 "Layer weight sharing".
    """
    # Hint: create the layer once, then call it twice.
    # BEGIN SOLUTION: one LSTM instance called on both inputs
    left = keras.Input(shape=(timesteps, features))
    right = keras.Input(shape=(timesteps, features))
    lstm = layers.LSTM(units)
    merged = layers.concatenate([lstm(left), lstm(right)], axis=-1)
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(merged))
    # END SOLUTION


def build_feature_extractor(input_shape=(32, 32, 3)):
    """Return a small vision model: Conv2D(16, 3, relu) -> MaxPooling2D(2) -> Conv2D(32, 3, relu) -> GlobalAveragePooling2D.

    Textbook: DLwP §7.1.6 (the book uses Xception's convolutional base here).
    """
    # BEGIN SOLUTION: a Sequential of four layers
    return keras.Sequential([keras.Input(shape=input_shape), layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
                             layers.Conv2D(32, 3, activation="relu"), layers.GlobalAveragePooling2D()])
    # END SOLUTION


def build_two_camera_model(input_shape=(32, 32, 3)):
    """Return the two-camera model: ONE feature-extractor model used as a layer on a left and a right image.

    Inputs: left and right images of `input_shape`, in that order. The model
    `build_feature_extractor(input_shape)` is called on both like a layer (its weights
    are shared), the two feature vectors are concatenated, then Dense(1, sigmoid).

    Textbook: DLwP §7.1.6 "Models as layers".
    """
    # BEGIN SOLUTION: one extractor model called on both inputs
    extractor = build_feature_extractor(input_shape)
    left = keras.Input(shape=input_shape)
    right = keras.Input(shape=input_shape)
    merged = layers.concatenate([extractor(left), extractor(right)], axis=-1)
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(merged))
    # END SOLUTION
