# Wrong: builds a separate feature extractor for each camera, so no weights are shared.
import keras
from keras import layers


def build_two_camera_model(input_shape=(32, 32, 3)):
    left, right = keras.Input(shape=input_shape), keras.Input(shape=input_shape)
    merged = layers.concatenate([build_feature_extractor(input_shape)(left), build_feature_extractor(input_shape)(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(merged))
