"""Chapter 5, exercise 5: reading the book's cats_and_dogs_small folders, the Keras 3 way.

Textbook: DLwP §5.2.2 "Downloading the data" (listing 5.4 copies 1,000 / 500 / 500
images per class into train/, validation/ and test/, each with cats/ and dogs/) and
§5.2.4 "Data preprocessing" (flow_from_directory). Keras 3 reads the same layout with
`keras.utils.image_dataset_from_directory`, which gives a `tf.data.Dataset` of
(images, labels) batches you pass straight to `fit` (no `fit_generator`).

    cats_and_dogs_small/
        train/cats/cat.0.jpg ...        train/dogs/dog.0.jpg ...
        validation/cats/ ...            validation/dogs/ ...
        test/cats/ ...                  test/dogs/ ...
"""

from pathlib import Path

import keras

SPLITS = ("train", "validation", "test")


def load_image_folders(base_dir, image_size=(150, 150), batch_size=20, seed=1337):
    """Return {"train": ds, "validation": ds, "test": ds, "class_names": [...]} for the book's folder layout.

    Each dataset yields (images, labels): images (batch, height, width, 3) float32 with
    values 0-255 resized to `image_size`, labels (batch, 1) float32, 0 for the first class
    folder in alphabetical order ("cats") and 1 for the second ("dogs"), as
    class_mode="binary" did. Only the training set is shuffled (with `seed`); validation
    and test keep a fixed order so every evaluation sees the same images.

    Raises:
        FileNotFoundError: a split folder is missing (one line naming it).

    Textbook: DLwP listing 5.7 (target_size=(150, 150), batch_size=20, class_mode="binary").
    """
    # Hint: label_mode="binary" gives (batch, 1) float labels; look at the `shuffle` argument.
    # BEGIN SOLUTION: image_dataset_from_directory per split with label_mode="binary", shuffling only train
    base_dir = Path(base_dir)
    result = {}
    for split in SPLITS:
        folder = base_dir / split
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is missing: expected {base_dir}/{{train,validation,test}}/<class>/ folders")
        result[split] = keras.utils.image_dataset_from_directory(
            folder, labels="inferred", label_mode="binary", image_size=tuple(image_size), batch_size=batch_size,
            shuffle=(split == "train"), seed=seed, verbose=False,
        )
    result["class_names"] = list(result["train"].class_names)
    return result
    # END SOLUTION
