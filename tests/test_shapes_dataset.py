"""kerakit.data.shapes: the generated ellipses-vs-triangles set that stands in for cats vs dogs."""

import numpy as np
import pytest

from kerakit.data import shapes


def test_shapes_dtypes_and_balance():
    (x_train, y_train), (x_test, y_test) = shapes.load_data(200, 100, image_size=24)
    assert x_train.shape == (200, 24, 24, 3) and x_train.dtype == np.uint8
    assert x_test.shape == (100, 24, 24, 3) and y_test.dtype == np.uint8
    assert y_train.sum() == 100 and y_test.sum() == 50
    assert not x_train.flags.writeable


def test_shapes_are_deterministic_and_seeded():
    (a, _), _ = shapes.load_data(20, 10, image_size=16, seed=3)
    (b, _), _ = shapes.load_data(20, 10, image_size=16, seed=3)
    (c, _), _ = shapes.load_data(20, 10, image_size=16, seed=4)
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_train_and_test_images_differ():
    (x_train, _), (x_test, _) = shapes.load_data(50, 50, image_size=16)
    assert not any(np.array_equal(x_train[i], x_test[i]) for i in range(50))


def test_label_is_not_given_away_by_colour_or_position():
    """Mean colour and the centre of the brightest pixels do not separate the classes (a linear probe stays near chance)."""
    (x, y), (xt, yt) = shapes.load_data(1000, 500, image_size=32)

    def cheap_features(images):
        images = images.astype("float32")
        return np.concatenate([images.mean(axis=(1, 2)), images.std(axis=(1, 2))], axis=1)

    from sklearn.linear_model import LogisticRegression

    probe = LogisticRegression(max_iter=2000).fit(cheap_features(x), y)
    assert probe.score(cheap_features(xt), yt) < 0.62


def test_bad_arguments_are_one_readable_line():
    with pytest.raises(ValueError, match="num_train must be at least 1"):
        shapes.load_data(0, 10)
    with pytest.raises(ValueError, match="image_size must be at least 8"):
        shapes.load_data(10, 10, image_size=4)
    with pytest.raises(ValueError, match="image_dataset_from_directory"):
        shapes.load_data(10, 10, source="keras")


def test_save_as_folders_writes_the_books_layout(tmp_path):
    root = shapes.save_as_folders(tmp_path / "cats_and_dogs_small", {"train": 3, "validation": 2}, image_size=20)
    assert sorted(p.name for p in (root / "train" / "cats").iterdir()) == ["cat.0.png", "cat.1.png", "cat.2.png"]
    assert sorted(p.name for p in (root / "validation" / "dogs").iterdir()) == ["dog.0.png", "dog.1.png"]
    from PIL import Image

    with Image.open(root / "train" / "dogs" / "dog.0.png") as image:
        assert image.size == (20, 20) and image.mode == "RGB"
