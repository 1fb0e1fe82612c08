# Wrong: all three heads branch off the last part, so the auxiliary losses train the whole trunk, not their own path.
import keras
from keras import layers


def build_auxiliary_classifier(input_shape=(28, 28, 1), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1 / 255)(inputs)
    x = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(x))
    x = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(x))
    x = layers.GlobalAveragePooling2D()(layers.Conv2D(64, 3, padding="same", activation="relu")(x))
    heads = [layers.Dense(num_classes, activation="softmax", name=name)(x) for name in ("main", "aux1", "aux2")]
    model = keras.Model(inputs, heads)
    model.compile(optimizer="adam", loss="categorical_crossentropy", loss_weights=[1.0, 0.3, 0.3])
    return model
