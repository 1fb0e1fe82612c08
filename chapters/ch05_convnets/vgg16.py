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
    raise NotImplementedError("loop over VGG16_BLOCKS calling named layers on a tensor, then the three dense layers")


def build_vgg16_sequential(input_shape=(224, 224, 3), num_classes=1000):
    """Return the same VGG16 as a keras.Sequential (not compiled), with the same layer names.

    Textbook: seed 003 §4 (model.add(...) layer by layer).
    """
    # Hint: start with keras.Input(shape=input_shape) and model.add(...) each named layer.
    raise NotImplementedError("the same named layers added to a keras.Sequential")
