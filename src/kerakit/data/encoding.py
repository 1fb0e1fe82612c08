"""Encodings the graders and reference runs apply to the loaders' integer sequences."""

from __future__ import annotations

from typing import Sequence

import numpy as np


def multi_hot(sequences: Sequence[Sequence[int]], dimension: int, dtype: str = "float32") -> np.ndarray:
    """Return a (len(sequences), dimension) array (float32 by default) with 1 at every id each sequence holds.

    Graders ask for uint8: the same 0/1 values in a quarter of the memory (Keras casts
    them to the model's float32 inputs batch by batch).

    The grader's own encoding (DLwP §3.4.2), so a training grader never depends on a
    student's `vectorize_sequences`.

    Example:
        >>> multi_hot([[1, 3], []], dimension=4)
        array([[0., 1., 0., 1.],
               [0., 0., 0., 0.]], dtype=float32)
    """
    encoded = np.zeros((len(sequences), dimension), dtype=dtype)
    for row, sequence in enumerate(sequences):
        encoded[row, sequence] = 1
    return encoded
