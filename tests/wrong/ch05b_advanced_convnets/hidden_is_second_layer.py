# Wrong: exposes the second hidden layer (64 units) instead of the first as "hidden".
import keras
from keras import layers, ops


def build_hidden_penalty_model(input_dim=512, penalty=0.01):
    inputs = keras.Input(shape=(input_dim,))
    x1 = layers.Dense(128, activation="sigmoid")(inputs)
    x2 = layers.Dense(64, activation="sigmoid")(x1)
    predictions = layers.Dense(10, activation="softmax")(x2)
    model = keras.Model(inputs, {"predictions": predictions, "hidden": x2})

    def loss(y_true, y_pred):
        return penalty * ops.mean(ops.square(y_pred), axis=-1)

    model.compile(optimizer="adam", loss={"predictions": "mse", "hidden": loss})
    return model
