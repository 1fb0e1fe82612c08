"""Chapter 5, exercise 3: data augmentation, the Keras 3 way.

Textbook: DLwP §5.2.5 "Using data augmentation"; seed 003 §2 (ImageDataGenerator:
featurewise centring and std normalisation, ZCA whitening, random rotations, shifts,
flips, saving augmented images to a folder).

Keras 3 removed `ImageDataGenerator` and `fit_generator`. Augmentation is now a
stack of preprocessing *layers* (RandomRotation, RandomTranslation, RandomZoom,
RandomFlip) placed inside the model or mapped over a `tf.data` pipeline: they
transform images only when called with `training=True` (inside `fit`), so
validation and test images are never augmented. Feature-wise statistics and ZCA
whitening are a few lines of NumPy fitted on the training data.
"""

from pathlib import Path

import numpy as np
import keras
from keras import layers

# The book's ImageDataGenerator ranges (DLwP listing 5.11).
ROTATION_DEGREES = 40
SHIFT_FRACTION = 0.2
ZOOM_FRACTION = 0.2


def build_augmentation(seed=None):
    """Return a keras.Sequential of preprocessing layers that augments a batch of images when training.

    In order: RandomRotation by up to 40 degrees either way, RandomTranslation by up to
    20% of the height and of the width, RandomZoom by up to 20%, RandomFlip horizontally
    (a left-right mirror; never upside down). Input and output: (batch, height, width,
    channels), same shape. Called with training=False it returns the images unchanged.

    Args:
        seed: optional seed passed to every random layer.

    Textbook: DLwP listing 5.11 (rotation_range=40, width_shift_range=0.2,
    height_shift_range=0.2, zoom_range=0.2, horizontal_flip=True); seed 003 §2.
    """
    # Hint: RandomRotation's factor is a fraction of a full turn (360 degrees), not degrees.
    raise NotImplementedError("four random layers with the book's ranges, rotation as a fraction of 360 degrees")


def featurewise_standardize(x_train, x_other):
    """Return (train_scaled, other_scaled): both centred and scaled with the TRAINING set's per-channel statistics.

    Like ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True)
    after `.fit(x_train)`: the mean and std of each channel over all training images and
    pixels (axes 0, 1, 2), subtract the mean, divide by the std (+1e-6). Arrays of shape
    (n, height, width, channels); results float32.

    Textbook: seed 003 §2 (特征标准化); DLwP §3.6.2 (statistics from the training data only).
    """
    # Hint: never compute a statistic on x_other: it stands for validation or test data.
    raise NotImplementedError("per-channel mean and std over axes (0, 1, 2) of x_train, applied to both")


def fit_zca(x_train, epsilon=1e-6):
    """Return (mean, whitening): the ZCA whitening fitted on training images, in NumPy.

    Flatten each image to a row of d = height * width * channels values; mean is the (d,)
    mean row; with the covariance C = X^T X / n of the centred rows and its eigen-
    decomposition C = U diag(s) U^T, whitening = U diag(1 / sqrt(s + epsilon)) U^T, (d, d).
    Whitened data (X - mean) @ whitening has a covariance close to the identity, and
    unlike PCA whitening it stays closest to the original image.

    Textbook: seed 003 §2 (ZCA 白化, ImageDataGenerator(zca_whitening=True), zca_epsilon=1e-6).
    """
    # Hint: np.linalg.eigh works on symmetric matrices such as a covariance.
    raise NotImplementedError("centre the flattened rows, eigendecompose their covariance, rescale the eigenvalues")


def apply_zca(x, mean, whitening):
    """Return images whitened with a fitted (mean, whitening), in the input's shape (float32)."""
    raise NotImplementedError("flatten, centre, multiply, reshape")


def save_augmented_images(images, augmentation, directory, count, prefix="aug", image_format="png"):
    """Save `count` augmented versions of `images` to `directory` and return their paths, in order.

    Like ImageDataGenerator.flow(..., save_to_dir=directory, save_prefix=prefix,
    save_format=image_format). Cycle through `images` ((n, h, w, 3), values 0-255),
    run each through `augmentation(batch, training=True)`, clip to 0-255, and write file
    `f"{prefix}_{i}.{image_format}"` for i = 0 .. count - 1 (creating the folder if needed)
    with `keras.utils.save_img`.

    Textbook: seed 003 §2 (保存增强后的图像).
    """
    # Hint: predict() and evaluate() run layers in inference mode, where augmentation does nothing: call it with training=True.
    raise NotImplementedError("augment batches in training mode and save each image with keras.utils.save_img")
