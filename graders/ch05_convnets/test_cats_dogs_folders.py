"""Graders for chapter 5, exercise 5: the cats_and_dogs_small folder layout through image_dataset_from_directory (DLwP §5.2.2, §5.2.4)."""

import numpy as np
import pytest

from kerakit.data import shapes
from kerakit.grading.boundary import DatasetRecord
from kerakit.grading import GradingFailure, expect, student_module

cats_dogs_folders = student_module("cats_dogs_folders")

PER_CLASS = {"train": 6, "validation": 4, "test": 3}


@pytest.fixture(scope="module")
def image_folders(tmp_path_factory):
    """Return a small generated cats_and_dogs_small: PNG images in train/validation/test x cats/dogs."""
    return shapes.save_as_folders(tmp_path_factory.mktemp("cats_and_dogs_small"), PER_CLASS, image_size=40, seed=5)


def batches(dataset, what, epoch=0):
    """Return the (images, labels) batches of one pass (0 or 1) over a dataset the student returned."""
    expect(isinstance(dataset, DatasetRecord), f"{what} should be a tf.data.Dataset (image_dataset_from_directory), got {type(dataset).__name__}")
    found = dataset.passes[epoch]
    expect(all(len(batch) == 2 and all(isinstance(part, np.ndarray) for part in batch) for batch in found),
           f"{what} should yield (images, labels) batches")
    return list(found)


@pytest.mark.points(2)
def test_folders_give_batches_of_images_and_binary_labels(cats_dogs_folders, image_folders):
    """load_image_folders returns train/validation/test datasets of resized images with (batch, 1) labels 0 = cats, 1 = dogs."""
    result = cats_dogs_folders.load_image_folders(image_folders, image_size=(32, 36), batch_size=4)
    expect(isinstance(result, dict), f"load_image_folders should return a dict, got {type(result).__name__}")
    missing = [key for key in ("train", "validation", "test", "class_names") if key not in result]
    expect(not missing, f"load_image_folders(...) is missing the keys {missing}")
    expect(list(result["class_names"]) == ["cats", "dogs"], f"class_names should be ['cats', 'dogs'], got {result['class_names']}")
    for split, per_class in PER_CLASS.items():
        what = f"load_image_folders(...)[{split!r}]"
        found = batches(result[split], what)
        expect(sum(len(x) for x, _ in found) == 2 * per_class, f"{what} should hold {2 * per_class} images, got {sum(len(x) for x, _ in found)}")
        for x, y in found:
            expect(x.shape[1:] == (32, 36, 3), f"{what}: images should be resized to (32, 36, 3), got {x.shape[1:]}")
            expect(y.ndim == 2 and y.shape[1] == 1 and y.dtype.kind == "f",
                   f"{what}: labels should be (batch, 1) floats as class_mode='binary' gave, got shape {y.shape} dtype {y.dtype}")
            expect(len(x) <= 4, f"{what}: batches should hold at most batch_size=4 images, got {len(x)}")
        labels = np.concatenate([y.reshape(-1) for _, y in found])
        expect(sorted(labels.tolist()) == [0.0] * per_class + [1.0] * per_class,
               f"{what}: expected {per_class} labels 0 (cats) and {per_class} labels 1 (dogs), got {labels.tolist()}")


@pytest.mark.points(1)
def test_validation_and_test_keep_their_order(cats_dogs_folders, image_folders):
    """Only the training set is shuffled: validation and test give the same order every time."""
    result = cats_dogs_folders.load_image_folders(image_folders, image_size=(24, 24), batch_size=3)
    for split in ("validation", "test"):
        what = f"load_image_folders(...)[{split!r}]"
        first = np.concatenate([y.reshape(-1) for _, y in batches(result[split], what, 0)])
        second = np.concatenate([y.reshape(-1) for _, y in batches(result[split], what, 1)])
        expect(np.array_equal(first, np.sort(first)) and np.array_equal(first, second),
               f"{what} should not be shuffled (labels in folder order {np.sort(first).tolist()}), got {first.tolist()} then {second.tolist()}")


@pytest.mark.points(1)
def test_missing_split_folder_is_one_readable_line(cats_dogs_folders, tmp_path):
    """A missing split folder raises FileNotFoundError naming it."""
    shapes.save_as_folders(tmp_path / "partial", {"train": 2}, image_size=16)
    try:
        cats_dogs_folders.load_image_folders(tmp_path / "partial", image_size=(16, 16))
    except FileNotFoundError as error:
        expect("validation" in str(error) and "\n" not in str(error).strip(),
               f"the error should name the missing validation folder in one line, got: {error}")
        return
    raise GradingFailure("load_image_folders on a folder without validation/ should raise FileNotFoundError naming it")
