"""Chapter 5, exercise 7: transfer learning with a pretrained convolutional base.

Textbook: DLwP §5.3 "Using a pretrained convnet" (feature extraction without and with
augmentation, listings 5.17–5.21; fine-tuning from block5_conv1, listing 5.22);
seed 002 (base vs target network, freezing, the feature-dataset trick: 6 s an epoch
instead of 4.5 minutes).

The base here is EfficientNet-Lite0 trained on ImageNet (`kerakit.pretrained.load_base`,
offline; `source="keras"` gives the book's VGG16 base). Its last layer is `top_relu`
(1,280 channels); with pooling="avg" it returns one 1,280-vector per image.
"""

import numpy as np
import keras
from keras import layers

from kerakit import pretrained


def extract_features(base, images, batch_size=32):
    """Return the base's outputs for `images` as a NumPy array, running the base once over the data.

    Args:
        base: a pretrained convolutional base (frozen or not; it is only run forward).
        images: (n, height, width, 3) values 0-255.
        batch_size: images per forward pass.

    Returns:
        (n, ...) float32: (n, 1280) for a base built with pooling="avg".

    Textbook: DLwP listing 5.17 (extract_features: conv_base.predict per batch).
    """
    # Hint: preprocess exactly as for classification (pretrained.preprocess_input) before predicting.
    raise NotImplementedError("preprocess_input, then base.predict in batches")


def build_feature_head(feature_dim):
    """Return the compiled dense classifier trained on stored features.

    Input (batch, feature_dim) -> Dense(256, relu) -> Dropout(0.5) -> Dense(1, sigmoid).
    Compile with keras.optimizers.RMSprop(learning_rate=1e-4) (the book uses 2e-5 over 30
    epochs; the kit's budget is shorter), binary_crossentropy and accuracy.

    Textbook: DLwP listing 5.18.
    """
    raise NotImplementedError("keras.Input(shape=(feature_dim,)), three layers, RMSprop(1e-4)")


def build_frozen_model(base):
    """Return a compiled end-to-end model: preprocessing -> frozen base -> Dense(256) -> Dropout(0.5) -> Dense(1).

    The model takes raw images (batch, height, width, 3) with values 0-255 (the base's
    input shape). It rescales them as `pretrained.preprocess_input` does ((x - 127) / 128,
    a Rescaling layer), runs the base with `base.trainable = False` (so `fit` cannot
    change its weights), then Dense(256, relu), Dropout(0.5), Dense(1, sigmoid). The base
    must return one vector per image (built with pooling="avg"). Compile like
    `build_feature_head`.

    Textbook: DLwP listings 5.20–5.21 (conv_base.trainable = False before compiling).
    """
    # Hint: freeze before compile; call the base with training=False so BatchNormalization stays in inference mode.
    raise NotImplementedError("freeze, then Input -> Rescaling -> base(training=False) -> head, compiled")


def set_trainable_from(base, layer_name):
    """Make `base` trainable from the layer called `layer_name` onwards and frozen before it; return base.

    Sets base.trainable = True, then every layer before `layer_name` gets trainable = False
    and that layer and every later one trainable = True.

    Raises:
        ValueError: no layer is called `layer_name`.

    Textbook: DLwP listing 5.22 (set_trainable once layer.name == "block5_conv1").
    """
    # Hint: base.layers lists the layers in order; the flag must flip exactly at the named layer.
    raise NotImplementedError("base.trainable = True, then flip a flag at the named layer")


def compile_for_fine_tuning(model, learning_rate=1e-5):
    """Recompile `model` with RMSprop(learning_rate) (binary_crossentropy, accuracy) and return it.

    Changing `trainable` only takes effect after compiling again; a low learning rate
    keeps the large updates of the new head from destroying the pretrained features.

    Textbook: DLwP §5.3.3 (RMSprop(lr=1e-5) after unfreezing block5).
    """
    raise NotImplementedError("model.compile with a low-learning-rate RMSprop")
