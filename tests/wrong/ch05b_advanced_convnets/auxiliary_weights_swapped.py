# Wrong: loss_weights swapped: 0.3 on the main head and 1.0 on an auxiliary one.
import keras
from keras import layers


def build_auxiliary_classifier(input_shape=(28, 28, 1), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1 / 255)(inputs)
    x = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(x))
    aux1 = layers.Dense(num_classes, activation="softmax", name="aux1")(layers.GlobalAveragePooling2D()(x))
    x = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(x))
    aux2 = layers.Dense(num_classes, activation="softmax", name="aux2")(layers.GlobalAveragePooling2D()(x))
    x = layers.GlobalAveragePooling2D()(layers.Conv2D(64, 3, padding="same", activation="relu")(x))
    main = layers.Dense(num_classes, activation="softmax", name="main")(x)
    model = keras.Model(inputs, [main, aux1, aux2])
    model.compile(optimizer="adam", loss="categorical_crossentropy", loss_weights=[0.3, 1.0, 0.3])
    return model
