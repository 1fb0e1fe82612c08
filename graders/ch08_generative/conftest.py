"""The grader's own data for chapter 8, loaded once per grader module that uses it.

- corpus: the kit's offline text (four Shakespeare tragedies, lowercased) and its sorted characters;
- digits: the kit's 4,000 + 1,000 real MNIST digits.
"""

import pytest

from kerakit.data import mnist, shakespeare


@pytest.fixture(scope="session")
def corpus():
    """Return dict(text, chars): the lowercased corpus and its sorted distinct characters."""
    text = shakespeare.load_text()
    return {"text": text, "chars": sorted(set(text))}


@pytest.fixture(scope="session")
def digits():
    """Return dict(x_train, y_train, x_test, y_test): (n, 28, 28, 1) float32 pixels in [0, 1] and integer labels."""
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    return {"x_train": (x_train.astype("float32") / 255.0)[..., None], "y_train": y_train.astype("int64"),
            "x_test": (x_test.astype("float32") / 255.0)[..., None], "y_test": y_test.astype("int64")}


@pytest.fixture(scope="session")
def imagenet_base():
    """Return the kit's offline ImageNet convolutional base (EfficientNet-Lite0) for images of any size."""
    from kerakit import pretrained

    return pretrained.load_base((None, None, 3))


@pytest.fixture(scope="session")
def nan_feature_model():
    """Return a feature model {"broken": activation} whose activations are NaN for any image (a NaN kernel)."""
    import keras
    import numpy as np
    from keras import layers

    inputs = keras.Input(shape=(None, None, 3))
    conv = layers.Conv2D(4, 3, padding="same", name="broken")
    outputs = conv(inputs)
    conv.set_weights([np.full((3, 3, 3, 4), np.nan, dtype="float32"), np.zeros(4, dtype="float32")])
    return keras.Model(inputs, {"broken": outputs})


@pytest.fixture(scope="session")
def feature_model(imagenet_base):
    """Return a function layer_names -> the grader's model from the ImageNet base's input to {name: that layer's activation}.

    With record_sizes=True the model is a kerakit probe that records the (height, width) of the images it is called on.
    """
    import keras

    from kerakit.grading.probes import SizeRecordingModel

    def build(layer_names, record_sizes=False):
        outputs = {name: imagenet_base.get_layer(name).output for name in layer_names}
        return (SizeRecordingModel if record_sizes else keras.Model)(imagenet_base.inputs, outputs)

    return build
