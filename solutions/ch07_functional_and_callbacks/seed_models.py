"""Chapter 7, exercise 1: the Keras tutorial's seven functional models, with their exact parameter counts.

Textbook: seed 003 §3.3–3.5 (the functional API tutorial: standard networks, shared
layers, multiple inputs and outputs) and DLwP §7.1. Every model is built with the
functional API: `keras.Input(...)`, layers called on tensors, `keras.Model(inputs, outputs)`.

The tutorial's printed totals, which Keras 3 reproduces exactly (measured):
MLP 541,794; CNN with Dense on the 4-D map 138,122; LSTM 84,362; shared input layer
399,610; shared LSTM feature extractor 78,984; multi-input 424,874; multi-output 31,348.
"""

import keras
from keras import layers


def build_mlp():
    """Return the multilayer perceptron: Input(784) -> Dense 512 -> 216 -> 128 (relu) -> Dense(10, softmax).

    541,794 parameters (401,920 + 110,808 + 27,776 + 1,290).

    Textbook: seed 003 §3.3.1.
    """
    # BEGIN SOLUTION: four Dense layers called one after another on the Input tensor
    inputs = keras.Input(shape=(784,), name="input")
    x = layers.Dense(512, activation="relu", name="hidden1")(inputs)
    x = layers.Dense(216, activation="relu", name="hidden2")(x)
    x = layers.Dense(128, activation="relu", name="hidden3")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="output")(x))
    # END SOLUTION


def build_cnn():
    """Return the tutorial's CNN, whose Dense layers apply to the 4-D feature map (no Flatten).

    Input(28, 28, 1) -> Conv2D(128, 4, relu) -> MaxPooling2D(2) -> Conv2D(64, 4, relu)
    -> MaxPooling2D(2) -> Dense(64, relu) -> Dense(10, softmax). A Dense layer on a
    (None, 4, 4, 64) map works on the last axis only, so the output is (None, 4, 4, 10):
    138,122 parameters. (The tutorial keeps this quirk; a classifier would Flatten first.)

    Textbook: seed 003 §3.3.2.
    """
    # BEGIN SOLUTION: two conv/pool blocks, then the two Dense layers straight on the map
    inputs = keras.Input(shape=(28, 28, 1), name="input")
    x = layers.MaxPooling2D((2, 2), name="pool1")(layers.Conv2D(128, kernel_size=4, activation="relu", name="conv1")(inputs))
    x = layers.MaxPooling2D((2, 2), name="pool2")(layers.Conv2D(64, kernel_size=4, activation="relu", name="conv2")(x))
    x = layers.Dense(64, activation="relu", name="hidden1")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="output")(x))
    # END SOLUTION


def build_lstm_classifier():
    """Return the LSTM classifier that reads an image as 784 time steps of one feature.

    Input(784, 1) -> LSTM(128) -> Dense(128, relu) -> Dense(10, softmax): 84,362 parameters
    (the LSTM's 4 x (128 x (1 + 128) + 128) = 66,560).

    Textbook: seed 003 §3.3.3.
    """
    # BEGIN SOLUTION: one LSTM, then two Dense layers
    inputs = keras.Input(shape=(784, 1), name="input")
    x = layers.Dense(128, activation="relu", name="hidden1")(layers.LSTM(128, name="lstm1")(inputs))
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="output")(x))
    # END SOLUTION


def build_shared_input_cnn():
    """Return the shared-input model: two CNN towers read the same image, their features are concatenated.

    Input(28, 28, 1) feeds both towers:
      Conv2D(32, 4, relu) -> MaxPooling2D(2) -> Flatten          (4,608 features)
      Conv2D(16, 8, relu) -> MaxPooling2D(2) -> Flatten          (1,600 features)
    concatenate -> Dense(64, relu) -> Dense(10, softmax): 399,610 parameters.

    Textbook: seed 003 §3.4.1.
    """
    # Hint: both towers start from the very same Input tensor.
    # BEGIN SOLUTION: two towers from one Input, concatenated
    inputs = keras.Input(shape=(28, 28, 1), name="input")
    tower_1 = layers.Flatten()(layers.MaxPooling2D((2, 2), name="pool1")(layers.Conv2D(32, kernel_size=4, activation="relu", name="conv1")(inputs)))
    tower_2 = layers.Flatten()(layers.MaxPooling2D((2, 2), name="pool2")(layers.Conv2D(16, kernel_size=8, activation="relu", name="conv2")(inputs)))
    x = layers.Dense(64, activation="relu", name="hidden1")(layers.concatenate([tower_1, tower_2]))
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="output")(x))
    # END SOLUTION


def build_shared_feature_extractor():
    """Return the model whose one LSTM feature extractor feeds two interpretation branches.

    Input(784, 1) -> LSTM(128), then
      branch 1: Dense(10, relu)
      branch 2: Dense(64, relu) -> Dense(32, relu) -> Dense(16, relu)
    concatenate (26 features) -> Dense(10, softmax): 78,984 parameters.

    Textbook: seed 003 §3.4.2.
    """
    # BEGIN SOLUTION: one LSTM output used by two branches, concatenated
    inputs = keras.Input(shape=(784, 1), name="input")
    features = layers.LSTM(128, name="lstm1")(inputs)
    branch_1 = layers.Dense(10, activation="relu", name="interp1")(features)
    branch_2 = layers.Dense(64, activation="relu", name="interp21")(features)
    branch_2 = layers.Dense(32, activation="relu", name="interp22")(branch_2)
    branch_2 = layers.Dense(16, activation="relu", name="interp23")(branch_2)
    merged = layers.concatenate([branch_1, branch_2], name="merge")
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="output")(merged))
    # END SOLUTION


def build_multi_input():
    """Return the two-input model: a 64 x 64 grey image and a 32 x 32 colour image of the same thing.

    Each input has its own tower, Conv2D(32, 4, relu) -> MaxPooling2D(2) -> Conv2D(16, 4, relu)
    -> MaxPooling2D(2) -> Flatten (2,704 and 400 features); concatenate -> Dense(128, relu)
    -> Dense(64, relu) -> Dense(10, softmax). Inputs in the order [grey (64, 64, 1), colour
    (32, 32, 3)]: 424,874 parameters.

    Textbook: seed 003 §3.5.1.
    """
    # Hint: keras.Model(inputs=[first, second], outputs=...) takes the inputs as a list.
    # BEGIN SOLUTION: one tower per Input, concatenated, a list of two inputs
    def tower(inputs, prefix):
        x = layers.Conv2D(32, kernel_size=4, activation="relu", name=f"conv{prefix}1")(inputs)
        x = layers.MaxPooling2D((2, 2), name=f"pool{prefix}1")(x)
        x = layers.Conv2D(16, kernel_size=4, activation="relu", name=f"conv{prefix}2")(x)
        return layers.Flatten()(layers.MaxPooling2D((2, 2), name=f"pool{prefix}2")(x))

    grey = keras.Input(shape=(64, 64, 1), name="img_gray_bigsize")
    colour = keras.Input(shape=(32, 32, 3), name="img_rgb_smallsize")
    x = layers.concatenate([tower(grey, 1), tower(colour, 2)])
    x = layers.Dense(64, activation="relu", name="hidden2")(layers.Dense(128, activation="relu", name="hidden1")(x))
    return keras.Model([grey, colour], layers.Dense(10, activation="softmax", name="output")(x))
    # END SOLUTION


def build_multi_output():
    """Return the two-output model: a class for the whole sequence and a class for every time step.

    Input(784, 1) -> LSTM(64, return_sequences=True), then
      output 1: LSTM(32) -> Dense(32, relu) -> Dense(10, softmax)            (None, 10)
      output 2: TimeDistributed(Dense(10, softmax)) on every step           (None, 784, 10)
    Outputs in the order [output 1, output 2]: 31,348 parameters.

    Textbook: seed 003 §3.5.2.
    """
    # BEGIN SOLUTION: one recurrent feature extractor returning sequences, two heads
    inputs = keras.Input(shape=(784, 1), name="input")
    sequence = layers.LSTM(64, return_sequences=True, name="extract")(inputs)
    x = layers.Dense(32, activation="relu", name="class12")(layers.LSTM(32, name="class11")(sequence))
    output_1 = layers.Dense(10, activation="softmax", name="output1")(x)
    output_2 = layers.TimeDistributed(layers.Dense(10, activation="softmax"), name="output2")(sequence)
    return keras.Model(inputs, [output_1, output_2])
    # END SOLUTION
