# Right, written differently: lists instead of tuples and NumPy integers; Sequential where the reference is functional and
# the other way round; Keras objects instead of strings in compile; a keras_tuner.HyperModel subclass with an Objective
# object and the trials read best-first from the oracle; the ensemble in float32 keras.ops, returned as a tensor.
import keras
import keras_tuner
import numpy as np
from keras import layers


def batchnorm_parameters(input_shape, center=True, scale=True):
    per_feature = {"gamma": scale, "beta": center, "moving_mean": True, "moving_variance": True}
    channels = list(input_shape)[-1]
    trainable = sum(channels for name, kept in per_feature.items() if kept and not name.startswith("moving"))
    return [np.int64(trainable), np.int64(2 * channels)]


def build_batchnorm_convnet(input_shape=(28, 28, 1), filters=32, units=64, num_classes=10):
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Rescaling(scale=1.0 / 255.0),
        layers.Conv2D(filters, (3, 3), use_bias=False, activation=None),
        layers.BatchNormalization(axis=-1),
        layers.Activation(keras.activations.relu),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dense(units, use_bias=False),
        layers.BatchNormalization(),
        layers.Activation("relu"),
        layers.Dense(num_classes, activation=keras.activations.softmax),
    ])
    model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    return model


def conv_parameter_counts(in_channels, filters, kernel_size, depth_multiplier=1, use_bias=True):
    window = int(np.prod(np.broadcast_to(np.asarray(kernel_size), (2,))))
    depthwise = window * in_channels * depth_multiplier
    pointwise = in_channels * depth_multiplier * filters
    biases = filters * int(use_bias)
    return [np.int64(window * in_channels * filters + biases), np.int64(depthwise + pointwise + biases)]


def build_separable_convnet(input_shape=(64, 64, 3), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for number, block in enumerate(((32, 64), (64, 128), (64, 128))):
        if number:
            x = layers.MaxPooling2D((2, 2))(x)
        for filters in block:
            x = layers.SeparableConv2D(filters, (3, 3), padding="valid", activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(32, activation="relu")(x)
    model = keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    return model


def build_tunable_model(hp, units_choices=(32, 128), learning_rates=(1e-2, 1e-4)):
    learning_rate = hp.Choice("learning_rate", values=[float(rate) for rate in learning_rates])
    units = hp.Choice("units", values=[int(u) for u in units_choices])
    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Rescaling(1.0 / 255), layers.Flatten(),
                              layers.Dense(units, activation="relu"), layers.Dense(10, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model


class DigitsHyperModel(keras_tuner.HyperModel):
    def __init__(self, units_choices, learning_rates):
        super().__init__(name="digits")
        self.units_choices, self.learning_rates = units_choices, learning_rates

    def build(self, hp):
        return build_tunable_model(hp, self.units_choices, self.learning_rates)


def search_hyperparameters(train, validation, directory, units_choices=(32, 128), learning_rates=(1e-2, 1e-4),
                           epochs=1, batch_size=64, seed=1):
    x_train, y_train = train
    x_val, y_val = validation
    tuner = keras_tuner.GridSearch(hypermodel=DigitsHyperModel(units_choices, learning_rates),
                                   objective=keras_tuner.Objective("val_accuracy", direction="max"),
                                   max_trials=len(units_choices) * len(learning_rates), seed=seed,
                                   directory=directory, project_name="alternative", overwrite=True)
    tuner.search(x=x_train, y=y_train, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size, verbose=0)
    ranked = tuner.oracle.get_best_trials(num_trials=len(tuner.oracle.trials))
    trials = [dict(units=trial.hyperparameters.values["units"], learning_rate=trial.hyperparameters.values["learning_rate"],
                   val_accuracy=np.float64(trial.metrics.get_best_value("val_accuracy"))) for trial in ranked]
    return dict(best=trials[0], trials=trials[::-1])


def ensemble_predictions(predictions_list, weights):
    if len(predictions_list) != len(weights):
        raise ValueError(f"one weight per model: {len(weights)} weights, {len(predictions_list)} models")
    if any(np.shape(p) != np.shape(predictions_list[0]) for p in predictions_list):
        raise ValueError("the models' predictions differ in shape")
    if min(weights) < 0:
        raise ValueError("negative weight")
    stacked = keras.ops.stack([keras.ops.convert_to_tensor(p, dtype="float32") for p in predictions_list])
    w = keras.ops.convert_to_tensor(np.asarray(weights, dtype="float32") / np.sum(weights, dtype="float64"), dtype="float32")
    return keras.ops.sum(stacked * keras.ops.reshape(w, (-1, 1, 1)), axis=0)
