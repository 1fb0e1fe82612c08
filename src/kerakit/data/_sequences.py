"""Turns word-rank sequences into keras.datasets-style integer sequences, and back into words.

The raw corpora hold every text as word ranks (1 = the most frequent word),
stored flat: one array of all ranks plus one array of lengths (`RaggedSequences`).
The functions below are the steps of `keras.datasets.imdb.load_data` and
`keras.datasets.reuters.load_data`, with the same edge cases, vectorised; the
loaders call them in Keras's order: `shift_sequences` (prepend `start_char`, add
`index_from`), `drop_long_sequences` (keep those shorter than `maxlen`) and
`limit_vocabulary` (ids outside `[skip_top, num_words)` become `oov_char`, or are
dropped when `oov_char` is None).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np


class RaggedSequences(NamedTuple):
    """Variable-length integer sequences stored as one flat array plus their lengths."""

    ids: np.ndarray
    lengths: np.ndarray

    @classmethod
    def from_arrays(cls, sequences: Sequence[np.ndarray]) -> RaggedSequences:
        """Returns the sequences packed into one flat int64 array."""
        lengths = np.array([len(sequence) for sequence in sequences], dtype=np.int64)
        ids = np.concatenate(sequences).astype(np.int64) if len(sequences) else np.zeros(0, np.int64)
        return cls(ids, lengths)

    def __len__(self) -> int:
        return len(self.lengths)

    def take(self, rows: np.ndarray) -> RaggedSequences:
        """Returns the sequences at `rows` (indices or a boolean mask), in that order."""
        rows = np.arange(len(self.lengths))[rows]
        starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1]))[rows]
        lengths = self.lengths[rows]
        output_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        positions = np.arange(int(lengths.sum())) + np.repeat(starts - output_starts, lengths)
        return RaggedSequences(self.ids[positions], lengths)

    def to_object_array(self) -> np.ndarray:
        """Returns a 1-D object array of Python int lists, the type keras.datasets returns."""
        all_ids = self.ids.tolist()
        ends = np.cumsum(self.lengths).tolist()
        array = np.empty(len(self.lengths), dtype=object)
        start = 0
        for row, end in enumerate(ends):
            array[row] = all_ids[start:end]
            start = end
        return array


def shift_sequences(
    sequences: RaggedSequences, start_char: int | None, index_from: int
) -> RaggedSequences:
    """Returns the sequences with `index_from` added to every id and `start_char` prepended.

    Args:
        sequences: word ranks.
        start_char: id put at position 0, or None for none.
        index_from: offset added to every word rank.
    """
    ids = sequences.ids + (index_from or 0)
    if start_char is None:
        return RaggedSequences(ids, sequences.lengths.copy())
    starts = np.concatenate(([0], np.cumsum(sequences.lengths)[:-1]))
    return RaggedSequences(np.insert(ids, starts, start_char), sequences.lengths + 1)


def drop_long_sequences(
    sequences: RaggedSequences, labels: np.ndarray, maxlen: int | None
) -> tuple[RaggedSequences, np.ndarray]:
    """Returns the sequences shorter than `maxlen` (all when maxlen is falsy) and their labels.

    Like Keras's `remove_long_seq`, a sequence of exactly `maxlen` ids is dropped.
    """
    if not maxlen:
        return sequences, labels
    keep = sequences.lengths < maxlen
    return sequences.take(keep), np.asarray(labels)[keep]


def limit_vocabulary(
    sequences: RaggedSequences, num_words: int | None, skip_top: int, oov_char: int | None
) -> RaggedSequences:
    """Returns the sequences with ids outside [skip_top, num_words) replaced by oov_char.

    When `num_words` is falsy it becomes the largest id present (so that id itself
    turns into `oov_char`, as in Keras). When `oov_char` is None such ids are dropped.
    """
    ids = sequences.ids
    if not num_words:
        num_words = int(ids.max()) if len(ids) else 0
    in_vocabulary = (ids >= skip_top) & (ids < num_words)
    if oov_char is not None:
        return RaggedSequences(np.where(in_vocabulary, ids, oov_char), sequences.lengths)
    row_of_id = np.repeat(np.arange(len(sequences.lengths)), sequences.lengths)
    lengths = np.bincount(row_of_id[in_vocabulary], minlength=len(sequences.lengths))
    return RaggedSequences(ids[in_vocabulary], lengths.astype(np.int64))


def concatenate(first: RaggedSequences, second: RaggedSequences) -> RaggedSequences:
    """Returns `first` followed by `second`."""
    return RaggedSequences(
        np.concatenate((first.ids, second.ids)), np.concatenate((first.lengths, second.lengths))
    )


def split(sequences: RaggedSequences, num_first: int) -> tuple[RaggedSequences, RaggedSequences]:
    """Returns the first `num_first` sequences and the rest."""
    cut = int(sequences.lengths[:num_first].sum())
    return (
        RaggedSequences(sequences.ids[:cut], sequences.lengths[:num_first]),
        RaggedSequences(sequences.ids[cut:], sequences.lengths[num_first:]),
    )


def decode_sequence(sequence: Sequence[int], word_index: Mapping[str, int], index_from: int = 3) -> str:
    """Returns the words of a keras-style sequence joined by spaces, "?" for reserved ids.

    This is the textbook's decoding: `reverse_word_index.get(i - 3, "?")`.

    Args:
        sequence: integer ids as returned by `load_data`.
        word_index: word -> rank (1 = most frequent), as `get_word_index` returns.
        index_from: the offset `load_data` used.

    Returns:
        One string.
    """
    reverse_word_index = {rank: word for word, rank in word_index.items()}
    return " ".join(reverse_word_index.get(int(i) - index_from, "?") for i in sequence)
