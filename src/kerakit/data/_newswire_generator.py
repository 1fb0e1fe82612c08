"""Generates the synthetic Reuters-style newswire corpus behind `kerakit.data.reuters`.

No real Reuters-21578 data installs offline, so this module writes 11,228
newswires over 46 topics from a fixed seed. The design, tuned so that the
textbook's Reuters model behaves on it as it does on the real data:

- Topic sizes follow the skew of Keras's Reuters (topic 3 "earn" ~35%, topic 4
  "acq" ~22%, a long tail down to ~10 newswires). The topics are placed so that
  Keras's own shuffle (`RandomState(113)`) and 80/20 split give every topic its
  Reuters-like share of both the training and the test set.
- Newswire lengths follow a piecewise-linear quantile table close to Reuters'
  (median ~95 words, a long tail to ~2,000).
- Every word is drawn either from a shared background vocabulary with Zipf
  frequencies (weight 1/rank over 20,000 words) or, with a per-newswire
  probability, from topical keywords: words of the newswire's own topic, words
  shared by the topic's group (grain, wheat and sugar share farm words), and, in a
  fraction of newswires, words of a sibling topic in the same group. The shared
  and borrowed words are what keep a Dense network near 80% test accuracy.
- Word ids are finally renumbered by frequency (1 = most frequent), so they are
  ranks like Keras's, and each id gets a made-up pronounceable word.

Randomness comes only from `Generator.random()` (uniform doubles from PCG64),
turned into draws with +, -, *, /, sorting and searching, plus the legacy
`RandomState` shuffle Keras itself uses; NumPy keeps both streams fixed, so the
corpus should be bit-for-bit identical on every platform and NumPy version. A
checksum in `reuters.py` guards that.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

GENERATOR_SEED = 46_2018
KERAS_SPLIT_SEED = 113
KERAS_TEST_SPLIT = 0.2

TOPIC_NAMES = (
    "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing",
    "money-supply", "coffee", "sugar", "trade", "reserves", "ship", "cotton",
    "carcass", "crude", "nat-gas", "cpi", "money-fx", "interest", "gnp",
    "meal-feed", "alum", "oilseed", "gold", "tin", "strategic-metal", "livestock",
    "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei", "bop", "zinc",
    "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead",
)
# Newswires per topic in the training and test splits (modelled on Keras's Reuters).
TRAIN_TOPIC_COUNTS = (
    55, 432, 74, 3159, 1949, 17, 48, 16, 139, 101, 124, 390, 49, 172, 26, 20,
    444, 39, 66, 549, 269, 100, 15, 41, 62, 92, 24, 15, 48, 19, 45, 39, 32, 11,
    50, 10, 49, 19, 19, 24, 36, 30, 13, 21, 12, 18,
)
TEST_TOPIC_COUNTS = (
    12, 106, 20, 813, 475, 5, 14, 3, 38, 25, 30, 84, 13, 37, 2, 9, 99, 12, 20,
    134, 70, 27, 7, 12, 19, 31, 8, 4, 10, 4, 12, 13, 10, 5, 7, 6, 11, 2, 3, 5,
    10, 4, 3, 6, 5, 1,
)
# Topics that share vocabulary (and get confused with each other).
TOPIC_GROUPS = (
    ("earn", "acq"),
    ("cocoa", "grain", "veg-oil", "wheat", "coffee", "sugar", "cotton", "carcass",
     "meal-feed", "oilseed", "livestock", "rubber", "orange", "hog"),
    ("copper", "alum", "gold", "tin", "strategic-metal", "iron-steel", "zinc", "silver", "lead"),
    ("money-supply", "reserves", "money-fx", "interest", "dlr"),
    ("housing", "trade", "cpi", "gnp", "retail", "ipi", "jobs", "lei", "bop", "wpi"),
    ("ship", "crude", "nat-gas", "heat", "pet-chem", "gas"),
)

VOCABULARY_SIZE = 20_000
KEYWORDS_PER_TOPIC = 80
KEYWORD_RANGE = (150, 16_000)  # background ranks the keywords are picked from
TOPICAL_SHARE_RANGE = (0.05, 0.40)  # per newswire, uniform
GROUP_WORD_SHARE = 0.45  # of topical words, how many are the group's shared words
BORROWING_PROBABILITY = 0.10  # newswires that mostly use a sibling topic's words
# Quantiles of newswire length in words (probability, words), piecewise linear.
LENGTH_QUANTILES = (
    (0.0, 8), (0.05, 20), (0.10, 29), (0.25, 55), (0.50, 94), (0.75, 170),
    (0.90, 300), (0.95, 420), (0.99, 760), (1.0, 2100),
)


class NewswireCorpus(NamedTuple):
    """The generated corpus in Keras's raw order, before `load_data`'s shuffle.

    Attributes:
        ranks: all word ranks of all newswires, concatenated (int32; 1 = most frequent).
        lengths: words per newswire (int32).
        topics: topic id 0-45 per newswire (int64).
        words: words[rank - 1] is the word with that rank.
    """

    ranks: np.ndarray
    lengths: np.ndarray
    topics: np.ndarray
    words: tuple[str, ...]


def _uniform(rng: np.random.Generator, size) -> np.ndarray:
    """Returns uniform doubles in [0, 1): the only random draw the generator makes."""
    return rng.random(size)


def _permutation(rng: np.random.Generator, n: int) -> np.ndarray:
    """Returns a random permutation of range(n), built from uniform draws only."""
    return np.argsort(_uniform(rng, n), kind="stable")


def _sample(cumulative_weights: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Returns indices drawn with the given cumulative weights (inverse-CDF sampling)."""
    draws = np.searchsorted(cumulative_weights, uniforms * cumulative_weights[-1], side="right")
    return np.minimum(draws, len(cumulative_weights) - 1)


def _topics_in_raw_order(rng: np.random.Generator) -> np.ndarray:
    """Returns topic ids placed so Keras's default shuffle and split give the target counts."""
    train = np.repeat(np.arange(len(TOPIC_NAMES)), TRAIN_TOPIC_COUNTS)
    test = np.repeat(np.arange(len(TOPIC_NAMES)), TEST_TOPIC_COUNTS)
    train, test = train[_permutation(rng, len(train))], test[_permutation(rng, len(test))]
    total = len(train) + len(test)
    keras_order = np.arange(total)
    np.random.RandomState(KERAS_SPLIT_SEED).shuffle(keras_order)
    num_train = int(total * (1 - KERAS_TEST_SPLIT))
    topics = np.empty(total, dtype=np.int64)
    topics[keras_order[:num_train]] = train
    topics[keras_order[num_train:]] = test
    return topics


def _lengths(rng: np.random.Generator, n: int) -> np.ndarray:
    """Returns `n` newswire lengths in words, drawn from LENGTH_QUANTILES."""
    probabilities = np.array([p for p, _ in LENGTH_QUANTILES])
    words = np.array([w for _, w in LENGTH_QUANTILES], dtype=np.float64)
    return np.floor(np.interp(_uniform(rng, n), probabilities, words)).astype(np.int32)


def _group_of_topic() -> np.ndarray:
    """Returns the index in TOPIC_GROUPS of every topic."""
    group_of_topic = np.empty(len(TOPIC_NAMES), dtype=np.int64)
    for group, names in enumerate(TOPIC_GROUPS):
        for name in names:
            group_of_topic[TOPIC_NAMES.index(name)] = group
    return group_of_topic


def _borrowed_topics(
    rng: np.random.Generator, topics: np.ndarray, group_of_topic: np.ndarray
) -> np.ndarray:
    """Returns, per newswire, the topic whose own words it uses: itself, or a sibling.

    A borrowing newswire picks a sibling in its group with probability proportional
    to the sibling's size, so it reads like a newswire of that sibling.
    """
    borrows = _uniform(rng, len(topics)) < BORROWING_PROBABILITY
    sibling_pick = _uniform(rng, len(topics))
    topic_sizes = np.array(TRAIN_TOPIC_COUNTS, dtype=np.float64) + np.array(TEST_TOPIC_COUNTS)
    all_topics = np.arange(len(TOPIC_NAMES))
    voice = topics.copy()
    for index in np.flatnonzero(borrows):
        own_topic = topics[index]
        in_group = group_of_topic == group_of_topic[own_topic]
        siblings = np.flatnonzero(in_group & (all_topics != own_topic))
        if len(siblings):
            pick = _sample(np.cumsum(topic_sizes[siblings]), sibling_pick[index : index + 1])[0]
            voice[index] = siblings[pick]
    return voice


def _made_up_words(rng: np.random.Generator, count: int) -> tuple[str, ...]:
    """Returns `count` distinct pronounceable words, shorter ones first."""
    onsets = ("b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t",
              "v", "w", "z", "br", "cr", "dr", "fr", "gr", "pr", "st", "tr")
    vowels = ("a", "e", "i", "o", "u")
    codas = ("", "n", "r", "s", "t", "l")
    syllables = [onset + vowel for onset in onsets for vowel in vowels]
    candidates = np.array([a + b + coda for a in syllables for b in syllables for coda in codas])
    chosen = candidates[_permutation(rng, len(candidates))[:count]]
    lengths = np.array([len(word) for word in chosen])
    return tuple(chosen[np.argsort(lengths, kind="stable")].tolist())


def generate_newswires(seed: int = GENERATOR_SEED) -> NewswireCorpus:
    """Returns the synthetic Reuters-style corpus (deterministic for a given seed).

    Args:
        seed: seed of the PCG64 generator.

    Returns:
        A NewswireCorpus of 11,228 newswires in Keras's raw order.
    """
    rng = np.random.default_rng(seed)
    num_topics = len(TOPIC_NAMES)
    group_of_topic = _group_of_topic()
    topics = _topics_in_raw_order(rng)
    lengths = _lengths(rng, len(topics))
    voice = _borrowed_topics(rng, topics, group_of_topic)
    share_low, share_high = TOPICAL_SHARE_RANGE
    topical_share = share_low + (share_high - share_low) * _uniform(rng, len(topics))

    low, high = KEYWORD_RANGE
    keyword_pool = low + _permutation(rng, high - low)
    num_lists = num_topics + len(TOPIC_GROUPS)
    keyword_lists = keyword_pool[: num_lists * KEYWORDS_PER_TOPIC].reshape(
        num_lists, KEYWORDS_PER_TOPIC
    )
    topic_keywords, group_keywords = keyword_lists[:num_topics], keyword_lists[num_topics:]

    background_cumulative = np.cumsum(1.0 / np.arange(1, VOCABULARY_SIZE + 1))
    keyword_cumulative = np.cumsum(1.0 / np.arange(1, KEYWORDS_PER_TOPIC + 1))

    newswire_of_word = np.repeat(np.arange(len(topics)), lengths)
    kind_draw, group_draw, word_draw = _uniform(rng, (3, len(newswire_of_word)))
    is_topical = kind_draw < topical_share[newswire_of_word]
    is_group_word = is_topical & (group_draw < GROUP_WORD_SHARE)
    is_topic_word = is_topical & ~is_group_word

    word_ids = _sample(background_cumulative, word_draw)
    keyword_slot = _sample(keyword_cumulative, word_draw)
    word_ids[is_topic_word] = topic_keywords[
        voice[newswire_of_word[is_topic_word]], keyword_slot[is_topic_word]
    ]
    word_ids[is_group_word] = group_keywords[
        group_of_topic[topics[newswire_of_word[is_group_word]]], keyword_slot[is_group_word]
    ]

    counts = np.bincount(word_ids, minlength=VOCABULARY_SIZE)
    by_frequency = np.argsort(-counts, kind="stable")
    rank_of_id = np.empty(VOCABULARY_SIZE, dtype=np.int64)
    rank_of_id[by_frequency] = np.arange(1, VOCABULARY_SIZE + 1)
    num_used_words = int(np.count_nonzero(counts))
    return NewswireCorpus(
        ranks=rank_of_id[word_ids].astype(np.int32),
        lengths=lengths,
        topics=topics,
        words=_made_up_words(rng, num_used_words),
    )
