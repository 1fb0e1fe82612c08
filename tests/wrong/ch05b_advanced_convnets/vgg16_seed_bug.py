# Wrong: the seed's head as printed in its code, Dense(1, softmax): it always outputs 1.
import keras
from keras import layers


def build_vgg16_transfer(num_outputs=1, input_shape=(150, 150, 3)):
    base = keras.applications.VGG16(include_top=False, weights=None, input_shape=input_shape)
    x = layers.Dense(1024, activation="relu")(layers.GlobalAveragePooling2D()(base.output))
    return keras.Model(base.input, layers.Dense(num_outputs, activation="softmax")(x))
