"""Chapter 7, exercise: getting the most out of your models — batch normalisation, separable convolutions, tuning, ensembles.

Textbook: DLwP §7.3 "Getting the most out of your models": §7.3.1 "Advanced
architecture patterns" (batch normalisation, depthwise separable convolution), §7.3.2
"Hyperparameter optimization" (here with KerasTuner, the library the book's second
edition uses instead of Hyperopt) and §7.3.3 "Model ensembling".

Everything is Keras 3: `keras.Input`, `keras.layers`, `keras.optimizers`; the search
uses `keras_tuner` (installed with the kit), never a hand-written loop.
"""

import keras
import numpy as np
from keras import layers


def batchnorm_parameters(input_shape, center=True, scale=True):
    """Return (trainable, non_trainable): the parameters of BatchNormalization() on inputs of `input_shape`.

    BatchNormalization (default axis=-1) normalises each feature of the LAST axis (each
    channel of an image) with its own statistics. Per feature it keeps
      - gamma (a learned scale, only when `scale`) and beta (a learned offset, only
        when `center`): trainable, changed by the optimizer;
      - the moving mean and the moving variance: NON-trainable, updated during `fit` as
        running averages of the batches' statistics (and used at inference).

    Args:
        input_shape: the shape of one sample, without the batch axis: (features,) after a
            Dense layer, (height, width, channels) after a Conv2D.
        center, scale: BatchNormalization's arguments of the same names.

    Example:
        >>> batchnorm_parameters((26, 26, 32))
        (64, 64)

    Textbook: DLwP §7.3.1 "Batch normalization".
    """
    # Hint: which axis does it normalise over, and which of its weights does the optimizer never touch?
    raise NotImplementedError("return (trainable, non_trainable)")


def build_batchnorm_convnet(input_shape=(28, 28, 1), filters=32, units=64, num_classes=10):
    """Return a compiled convnet in which BatchNormalization follows the Conv2D and the hidden Dense layer.

    Layers (the order batch normalisation is usually placed in, between a layer and its activation):
      Input(input_shape) -> Rescaling(1/255)
      -> Conv2D(filters, 3, use_bias=False) -> BatchNormalization() -> Activation("relu")
      -> MaxPooling2D(2) -> Flatten()
      -> Dense(units, use_bias=False) -> BatchNormalization() -> Activation("relu")
      -> Dense(num_classes, activation="softmax")
    The layer before a BatchNormalization takes no bias: BatchNormalization's beta already
    shifts each feature, so a bias would be a redundant parameter.
    Compile with optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"].

    At the defaults: 347,434 parameters, of which 192 are non-trainable (the moving mean
    and variance of 32 + 64 features).

    Textbook: DLwP §7.3.1 "Batch normalization" (after a Conv2D and after a Dense layer).
    """
    # Hint: leave the activation out of the Conv2D and Dense layers; it gets its own layer after the normalisation.
    raise NotImplementedError("the layers of the docstring, each BatchNormalization between a layer and its Activation")


def conv_parameter_counts(in_channels, filters, kernel_size, depth_multiplier=1, use_bias=True):
    """Return (conv2d, separable): the parameters of Conv2D and of SeparableConv2D with these settings.

    Conv2D(filters, kernel_size, use_bias) has one kernel of kh x kw x in_channels per filter.
    SeparableConv2D(filters, kernel_size, depth_multiplier, use_bias) works in two steps:
      1. depthwise: each input channel gets its own depth_multiplier kernels of kh x kw
         (no mixing of channels);
      2. pointwise: a 1 x 1 convolution mixes the in_channels * depth_multiplier maps into
         `filters` outputs;
    and, with use_bias, one bias per output filter.

    Args:
        in_channels: the channels of the input.
        filters: the output channels.
        kernel_size: an int k (a k x k window) or a pair (kh, kw), as Keras accepts.
        depth_multiplier: the depthwise kernels per input channel (SeparableConv2D only).
        use_bias: whether both layers have a bias.

    Example:
        >>> conv_parameter_counts(64, 128, 3)
        (73856, 8896)

    Textbook: DLwP §7.3.1 "Depthwise separable convolution" (figure 7.16).
    """
    # Hint: write the depthwise and the pointwise step as two separate counts, then add the biases.
    raise NotImplementedError("return (conv2d, separable) for these settings")


def build_separable_convnet(input_shape=(64, 64, 3), num_classes=10):
    """Return the book's lightweight image classifier made of SeparableConv2D layers, compiled.

    Layers (every SeparableConv2D with a 3 x 3 window and relu, padding "valid"):
      Input(input_shape)
      -> SeparableConv2D(32) -> SeparableConv2D(64) -> MaxPooling2D(2)
      -> SeparableConv2D(64) -> SeparableConv2D(128) -> MaxPooling2D(2)
      -> SeparableConv2D(64) -> SeparableConv2D(128) -> GlobalAveragePooling2D()
      -> Dense(32, relu) -> Dense(num_classes, softmax)
    Compile with optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"].
    38,949 parameters at the defaults (the same network of Conv2D layers has 282,282).

    Textbook: DLwP §7.3.1, listing "a lightweight depthwise separable convnet".
    """
    # Hint: SeparableConv2D takes the same filters, kernel size and activation arguments as Conv2D.
    raise NotImplementedError("the book's listing with keras.Input in place of input_shape=")


def build_tunable_model(hp, units_choices=(32, 128), learning_rates=(1e-2, 1e-4)):
    """Return a compiled digit classifier whose width and learning rate come from KerasTuner's `hp`.

    `hp` is a keras_tuner.HyperParameters. Declare the two hyperparameters with
      units = hp.Choice("units", units_choices)
      learning_rate = hp.Choice("learning_rate", learning_rates)
    (a Choice's default is its first value, so a fresh `hp` builds units_choices[0] and
    learning_rates[0]), then build
      Input((28, 28, 1)) -> Rescaling(1/255) -> Flatten() -> Dense(units, relu)
      -> Dense(10, softmax)
    compiled with keras.optimizers.Adam(learning_rate), sparse_categorical_crossentropy
    and accuracy.

    Textbook: DLwP §7.3.2 "Hyperparameter optimization" (the model-building function a tuner calls).
    """
    # Hint: a tuner calls this function once per trial, with `hp` holding that trial's values.
    raise NotImplementedError("declare the two hp.Choice hyperparameters, then build and compile the model")


def search_hyperparameters(train, validation, directory, units_choices=(32, 128), learning_rates=(1e-2, 1e-4),
                           epochs=1, batch_size=64, seed=1):
    """Run a KerasTuner grid search over `units_choices` x `learning_rates` and return what every trial measured.

    Use keras_tuner.GridSearch (every combination once) on `build_tunable_model` with
    these choices, objective="val_accuracy", directory=directory (the tuner's files go
    there), overwrite=True and seed=seed; then
    tuner.search(x_train, y_train, epochs=epochs, batch_size=batch_size,
    validation_data=validation, verbose=0).

    Args:
        train: (x_train, y_train): digits (n, 28, 28, 1), pixels 0-255, integer labels.
        validation: (x_val, y_val), the same kind.
        directory: a folder for the tuner's files.
        units_choices, learning_rates: the search space.
        epochs, batch_size: the training of each trial.
        seed: the tuner's seed (a positive int: KerasTuner draws a random one for 0 or None).

    Returns:
        A dict, plain Python values only:
          {"trials": [{"units": int, "learning_rate": float, "val_accuracy": float}, ...]
                     (one per trial, any order),
           "best": {"units": ..., "learning_rate": ..., "val_accuracy": ...}
                   (the trial with the highest val_accuracy)}

    Textbook: DLwP §7.3.2 "Hyperparameter optimization" (a tuner, the validation metric
    as the objective, a fixed budget per trial).
    """
    # Hint: the tuner needs a function of `hp` alone; trials are in tuner.oracle.trials, each with its hyperparameters and score.
    raise NotImplementedError("a keras_tuner.GridSearch, its search, then one dict per trial")


def ensemble_predictions(predictions_list, weights):
    """Return the weighted average of several models' predictions: sum_i weights[i] * predictions_list[i] / sum(weights).

    The weights need not sum to 1: they are normalised by their sum, so (2, 1, 1) and
    (0.5, 0.25, 0.25) give the same ensemble, and the rows of probability predictions
    still sum to 1.

    Args:
        predictions_list: a list of m arrays of the same shape (n, classes), one per model.
        weights: m non-negative numbers (a list or an array), not all zero.

    Returns:
        A float array of shape (n, classes).

    Raises:
        ValueError: the predictions do not all have the same shape (also when NumPy could
            broadcast them), the number of weights is not the number of models, or a
            weight is negative.

    Example:
        >>> ensemble_predictions([np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])], [3, 1])
        array([[0.75, 0.25]])

    Textbook: DLwP §7.3.3 "Model ensembling" (a weighted average, weights found on validation data).
    """
    # Hint: check the shapes and the weights before any arithmetic: NumPy would broadcast (n, k) with (1, k) silently.
    raise NotImplementedError("check the inputs, then return the weighted average")
