"""Chapter 5, exercise 9: VGG16 from scratch, with the functional API and with Sequential.

Textbook: seed 003 §4 (VGG16 built layer by layer); DLwP §5.3 (VGG16 as the pretrained base).
Both builds have 138,357,544 parameters and name their layers as Keras's VGG16 does:
block1_conv1, block1_conv2, block1_pool, ..., block5_pool, flatten, fc1, fc2, predictions.
Nothing is trained: the grader compares architectures.
"""

import keras
from keras import layers

# (number of convolutions, filters) per block
VGG16_BLOCKS = ((2, 64), (2, 128), (3, 256), (3, 512), (3, 512))


def build_vgg16_functional(input_shape=(224, 224, 3), num_classes=1000):
    """Return VGG16 built with the functional API (not compiled): 138,357,544 parameters at 224 x 224 x 3.

    Five blocks of 3x3 Conv2D (relu, padding "same") closed by a 2x2 MaxPooling2D with
    stride 2: 2 x 64, 2 x 128, 3 x 256, 3 x 512, 3 x 512 filters; then Flatten ("flatten"),
    Dense(4096, relu) "fc1", Dense(4096, relu) "fc2", Dense(num_classes, softmax) "predictions".
    Output of block5_pool at 224 x 224: (7, 7, 512).

    Textbook: seed 003 §4.
    """
    # Hint: name=f"block{b}_conv{c}" and name=f"block{b}_pool"; call each layer on the previous tensor.
    # BEGIN SOLUTION: loop over VGG16_BLOCKS calling named layers on a tensor, then the three dense layers
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for block, (convolutions, filters) in enumerate(VGG16_BLOCKS, start=1):
        for conv in range(1, convolutions + 1):
            x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same", name=f"block{block}_conv{conv}")(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(4096, activation="relu", name="fc1")(x)
    x = layers.Dense(4096, activation="relu", name="fc2")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name="vgg16")
    # END SOLUTION


def build_vgg16_sequential(input_shape=(224, 224, 3), num_classes=1000):
    """Return the same VGG16 as a keras.Sequential (not compiled), with the same layer names.

    Textbook: seed 003 §4 (model.add(...) layer by layer).
    """
    # Hint: start with keras.Input(shape=input_shape) and model.add(...) each named layer.
    # BEGIN SOLUTION: the same named layers added to a keras.Sequential
    model = keras.Sequential(name="vgg16")
    model.add(keras.Input(shape=input_shape))
    for block, (convolutions, filters) in enumerate(VGG16_BLOCKS, start=1):
        for conv in range(1, convolutions + 1):
            model.add(layers.Conv2D(filters, (3, 3), activation="relu", padding="same", name=f"block{block}_conv{conv}"))
        model.add(layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool"))
    model.add(layers.Flatten(name="flatten"))
    model.add(layers.Dense(4096, activation="relu", name="fc1"))
    model.add(layers.Dense(4096, activation="relu", name="fc2"))
    model.add(layers.Dense(num_classes, activation="softmax", name="predictions"))
    return model
    # END SOLUTION
