"""Reuters-style newswire topics (46 classes), keras.datasets.reuters-compatible.

**Synthetic offline data.** No real Reuters-21578 data installs offline, so
`source="offline"` generates 11,228 newswires (8,982 train / 2,246 test with the
defaults) over Reuters' 46 topics from a fixed seed: Reuters-like topic skew
(topic 3 "earn" ~35%, topic 4 "acq" ~22%, every topic in both splits), lengths
(median ~95 words, long tail), topic keywords over a shared Zipf background of
~20,000 made-up words, and enough words shared between related topics that the
textbook's 64-64-46 Dense network on 10,000-word multi-hot vectors reaches about
the book's ~78% test accuracy (random guessing ~19%). See
`kerakit.data._newswire_generator` for the design. The words are made up, so
decoded newswires are not readable text.

`source="keras"` loads the real Reuters newswires through `keras.datasets.reuters`.
"""

from __future__ import annotations

import functools

import numpy as np

from kerakit.data import _sequences
from kerakit.data._newswire_generator import TOPIC_NAMES, NewswireCorpus, generate_newswires
from kerakit.data._sources import KERAS, check_source, keras_dataset_module
from kerakit.data._validation import arrays_sha256
from kerakit.data.errors import DatasetError

NUM_NEWSWIRES = 11_228
NUM_TOPICS = 46
# sha256 of the generated word ranks (int32), lengths (int32), topics (int64), raw order,
# then the words joined by newlines (see corpus_sha256).
NEWSWIRES_SHA256 = "fedd37577c5f3f72934acb65c9c75a2c6eadfe06c2ec72357a817e961d8a642a"


def corpus_sha256(corpus: NewswireCorpus) -> str:
    """Returns the sha256 of the corpus's ranks, lengths, topics and newline-joined words."""
    words = np.frombuffer("\n".join(corpus.words).encode("utf-8"), dtype=np.uint8)
    return arrays_sha256(corpus.ranks, corpus.lengths, corpus.topics, words)


@functools.lru_cache(maxsize=1)
def load_newswires() -> NewswireCorpus:
    """Returns the generated corpus, checked against its recorded checksum (cached).

    Raises:
        DatasetError: if the generator did not reproduce the recorded corpus.
    """
    corpus = generate_newswires()
    consistent = (
        len(corpus.lengths) == NUM_NEWSWIRES
        and int(corpus.lengths.sum()) == len(corpus.ranks)
        and np.array_equal(np.unique(corpus.topics), np.arange(NUM_TOPICS))
        and int(corpus.ranks.min()) >= 1
        and int(corpus.ranks.max()) == len(corpus.words)
    )
    checksum = corpus_sha256(corpus)
    if not consistent or checksum != NEWSWIRES_SHA256:
        raise DatasetError(
            "the synthetic Reuters-style generator (kerakit/data/_newswire_generator.py) "
            f"did not reproduce the recorded corpus (sha256 {checksum[:16]}..., expected "
            f"{NEWSWIRES_SHA256[:16]}...): the module was edited or NumPy's PCG64 changed; "
            "reinstall kerakit (`pip install --force-reinstall kerakit`) or use source='keras'"
        )
    for array in (corpus.ranks, corpus.lengths, corpus.topics):
        array.setflags(write=False)
    return corpus


def load_data(
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    test_split: float = 0.2,
    seed: int = 113,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    index_from: int = 3,
    source: str = "offline",
    path: str = "reuters.npz",
):
    """Returns newswires as `(x_train, y_train), (x_test, y_test)`, like keras.datasets.reuters.

    Offline the newswires are synthetic (see the module docstring); the encoding,
    shuffle, filtering and split follow Keras exactly.

    Args:
        num_words: keep the ids below `num_words`; other words become `oov_char`.
            None keeps every word.
        skip_top: ids below `skip_top` also become `oov_char`.
        maxlen: drop sequences of `maxlen` ids or more (start char included).
        test_split: fraction of the newswires kept for the test set.
        seed: seed of the `np.random.RandomState` shuffle before splitting.
        start_char: id at the start of every sequence (None: no start id).
        oov_char: id for words cut by `num_words`/`skip_top` (None: drop them).
        index_from: offset added to word ranks.
        source: "offline" (synthetic, no network) or "keras" (the real Reuters
            through `keras.datasets.reuters`, downloads once).
        path: file name in the Keras cache; used only with source="keras".

    Returns:
        x_train (8982,) and x_test (2246,) object arrays of Python int lists;
        y_train and y_test int64 arrays of topic ids 0-45.

    Raises:
        DatasetError: if the generator does not reproduce the recorded corpus.
        ValueError: if `source` is unknown.

    Example:
        >>> (x_train, y_train), (x_test, y_test) = load_data(num_words=10000)
        >>> len(x_train), len(x_test), int(y_train.max())
        (8982, 2246, 45)
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("reuters").load_data(
            path=path, num_words=num_words, skip_top=skip_top, maxlen=maxlen,
            test_split=test_split, seed=seed, start_char=start_char, oov_char=oov_char,
            index_from=index_from,
        )
    corpus = load_newswires()
    newswires = _sequences.RaggedSequences(corpus.ranks, corpus.lengths)
    order = np.arange(len(newswires))
    np.random.RandomState(seed).shuffle(order)
    sequences = _sequences.shift_sequences(newswires.take(order), start_char, index_from)
    sequences, topics = _sequences.drop_long_sequences(sequences, corpus.topics[order], maxlen)
    sequences = _sequences.limit_vocabulary(sequences, num_words, skip_top, oov_char)
    num_train = int(len(sequences) * (1 - test_split))
    x_train, x_test = _sequences.split(sequences, num_train)
    return (
        (x_train.to_object_array(), np.array(topics[:num_train])),
        (x_test.to_object_array(), np.array(topics[num_train:])),
    )


def get_word_index(source: str = "offline", path: str = "reuters_word_index.json") -> dict[str, int]:
    """Returns word -> frequency rank (1 = most frequent), like keras.datasets.reuters.get_word_index.

    Offline the words are made up (pronounceable, shorter for frequent ranks).

    Args:
        source: "offline" (the synthetic vocabulary) or "keras" (Reuters', downloads once).
        path: file name in the Keras cache; used only with source="keras".
    """
    if check_source(source) == KERAS:
        return keras_dataset_module("reuters").get_word_index(path=path)
    return {word: rank for rank, word in enumerate(load_newswires().words, start=1)}


def get_label_names(source: str = "offline") -> tuple[str, ...]:
    """Returns the 46 topic names; index i names topic id i (the same names as Keras's)."""
    if check_source(source) == KERAS:
        return tuple(keras_dataset_module("reuters").get_label_names())
    return TOPIC_NAMES


def decode_newswire(sequence, word_index: dict[str, int] | None = None, index_from: int = 3) -> str:
    """Returns a newswire's words joined by spaces, "?" for padding, start and out-of-vocabulary ids."""
    if word_index is None:
        word_index = get_word_index()
    return _sequences.decode_sequence(sequence, word_index, index_from)
