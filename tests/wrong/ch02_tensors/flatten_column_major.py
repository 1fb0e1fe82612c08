"""Wrong: flattens each image column by column instead of row by row."""

import numpy as np


def flatten_images(images):
    samples, height, width = images.shape
    return np.transpose(images, (0, 2, 1)).reshape((samples, height * width))
