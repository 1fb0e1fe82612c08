"""Graders for chapter 6, encoding.py: one-hot encoding, the hashing trick, padding and TextVectorization (DLwP §6.1.1).

Every check runs on random texts the grader makes up (words with capitals, punctuation,
runs of spaces and tabs, characters outside string.printable, empty samples), with the
expectation from the grader's own code: its own one-hot loops and its own SHA-256 hash
(never the student's `stable_hash`), Keras's own `keras.utils.pad_sequences`, and a
`keras.layers.TextVectorization` the grader adapts itself, on the kit's real reviews and
on made-up texts.
"""

import hashlib
import string

import numpy as np
import pytest

from kerakit.grading import GradingFailure, expect, expect_array, expect_sequence, student_module

encoding = student_module("encoding")

LETTERS = list("abcdefghijklmnopqrstuvwxyz")
FOREIGN = list("éàüßñ€—“")  # characters outside string.printable
SPACES = [" ", " ", " ", "  ", "\t", "\n"]


# ---------------------------------------------------------------- the grader's own versions

def grader_hash(word):
    """Return the kit's stable hash of `word` (the first 8 bytes of its SHA-256), computed by the grader."""
    return int.from_bytes(hashlib.sha256(word.encode("utf-8")).digest()[:8], "big")


def grader_word_one_hot(samples, max_length):
    token_index = {}
    for sample in samples:
        for word in sample.split():
            token_index.setdefault(word, len(token_index) + 1)
    results = np.zeros((len(samples), max_length, max(token_index.values()) + 1))
    for i, sample in enumerate(samples):
        for j, word in enumerate(sample.split()[:max_length]):
            results[i, j, token_index[word]] = 1
    return token_index, results


def grader_character_one_hot(samples, max_length):
    token_index = {character: index for index, character in enumerate(string.printable, start=1)}
    results = np.zeros((len(samples), max_length, len(string.printable) + 1))
    for i, sample in enumerate(samples):
        for j, character in enumerate(sample[:max_length]):
            if character in token_index:
                results[i, j, token_index[character]] = 1
    return results


def grader_hashed_one_hot(samples, dimensionality, max_length):
    results = np.zeros((len(samples), max_length, dimensionality))
    for i, sample in enumerate(samples):
        for j, word in enumerate(sample.split()[:max_length]):
            results[i, j, grader_hash(word) % dimensionality] = 1
    return results


# ---------------------------------------------------------------- random texts

def random_word(rng, capital=0.2, punctuation=0.15):
    word = "".join(rng.choice(LETTERS, size=int(rng.integers(1, 6))))
    if rng.random() < capital:
        word = word.capitalize()
    if rng.random() < punctuation:
        word += str(rng.choice(list(".,!?;")))
    return word


def random_sample(rng, vocabulary, length):
    """Return `length` words of `vocabulary` joined by random runs of whitespace (sometimes around the ends too)."""
    words = [vocabulary[int(i)] for i in rng.integers(0, len(vocabulary), size=length)]
    separators = [str(rng.choice(SPACES)) for _ in range(length + 1)]
    text = "".join(separator + word for separator, word in zip(separators, words))
    return text if rng.random() < 0.3 else text.strip()


def random_samples(rng, count, max_length):
    """Return `count` samples of random words: some longer than max_length, some shorter, one empty, never all empty."""
    vocabulary = list(dict.fromkeys(random_word(rng) for _ in range(int(rng.integers(5, 40)))))
    samples = [random_sample(rng, vocabulary, int(rng.integers(1, 2 * max_length + 3))) for _ in range(count)]
    if count > 2:
        samples[int(rng.integers(1, count))] = ""
    # words that only appear past max_length in the longest sample still belong in the index
    samples[0] = " ".join([vocabulary[0]] * max_length + [random_word(rng, 0, 0) + "zq" for _ in range(2)])
    return samples


def shown(samples, limit=3):
    """Return how feedback names a list of samples: the first few, abbreviated."""
    parts = [repr(sample[:30] + ("..." if len(sample) > 30 else "")) for sample in samples[:limit]]
    return "[" + ", ".join(parts) + (f", ... ({len(samples)} samples)]" if len(samples) > limit else "]")


def first_difference(got, expected, what, rule):
    """Fail in one line naming the first (sample, position) where one-hot results differ, unless they are equal."""
    close = np.isclose(got, expected)
    if close.all():
        return
    i, j, k = (int(v) for v in np.argwhere(~close)[0])
    want = np.flatnonzero(expected[i, j]).tolist()
    have = np.flatnonzero(got[i, j]).tolist()
    found = (f"{len(have)} indices [{', '.join(map(str, have[:3]))}, ...]" if len(have) > 4 else
             f"index {have}" if have else "no index")
    raise GradingFailure(f"{what}: results[{i}, {j}] should have its 1 at index {want if want else 'nowhere (all zeros)'} "
                         f"({rule}); got 1s at {found}")


# ---------------------------------------------------------------- one-hot encodings

@pytest.mark.points(2)
def test_word_one_hot(encoding, rng):
    """word_one_hot numbers words from 1 in order of first appearance and one-hot encodes the first max_length of each sample."""
    for count, max_length in [(2, 3), (int(rng.integers(3, 9)), int(rng.integers(2, 12))), (int(rng.integers(3, 9)), 1)]:
        samples = random_samples(rng, count, max_length)
        what = f"word_one_hot({shown(samples)}, max_length={max_length})"
        token_index, results = expect_sequence(encoding.word_one_hot(samples, max_length), what, 2, "(token_index, results)")
        expected_index, expected = grader_word_one_hot(samples, max_length)
        expect(isinstance(token_index, dict), f"{what}: token_index should be a dict word -> index, got {type(token_index).__name__}")
        if token_index != expected_index:
            missing = [word for word in expected_index if word not in token_index]
            extra = [word for word in token_index if word not in expected_index]
            wrong = [(word, token_index[word], index) for word, index in expected_index.items()
                     if word in token_index and token_index[word] != index]
            if missing:
                why = f"it lacks {missing[:3]} (every word of sample.split(), even past max_length)"
            elif extra:
                why = f"it has {extra[:3]}, which sample.split() never gives"
            else:
                word, got, index = wrong[0]
                why = (f"{word!r} should be {index}, got {got} (numbered from 1, in the order words first appear; "
                       "0 is never assigned)")
            raise GradingFailure(f"{what}: token_index is wrong: {why}")
        got = expect_array(results, f"results of {what}", shape=expected.shape, kinds="f")
        first_difference(got, expected, f"results of {what}", "results[i, j, token_index[word]] = 1 for the j-th word")


@pytest.mark.points(2)
def test_character_one_hot(encoding, rng):
    """character_one_hot puts a 1 at position string.printable.index(c) + 1; characters outside it and past max_length are skipped."""
    alphabet = list(string.printable) + FOREIGN
    for _ in range(3):
        count, max_length = int(rng.integers(1, 6)), int(rng.integers(3, 40))
        samples = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 2 * max_length)))) for _ in range(count)]
        samples[0] = "".join(rng.choice(LETTERS, size=max_length - 1)) + str(rng.choice(FOREIGN)) + "xyz"
        what = f"character_one_hot({shown(samples)}, max_length={max_length})"
        expected = grader_character_one_hot(samples, max_length)
        got = expect_array(encoding.character_one_hot(samples, max_length), what, shape=expected.shape, kinds="f")
        first_difference(got, expected, what, "a character c at index string.printable.index(c) + 1; a character outside "
                                             "string.printable leaves its row all zeros")


@pytest.mark.points(2)
def test_hashed_one_hot(encoding, rng):
    """hashed_one_hot puts each of the first max_length words at stable_hash(word) % dimensionality, the same in every process."""
    for count, dimensionality, max_length in [(2, 1000, 10), (int(rng.integers(2, 8)), int(rng.integers(20, 500)), int(rng.integers(2, 12))),
                                              (int(rng.integers(2, 8)), int(rng.integers(2, 10)), int(rng.integers(2, 12)))]:
        samples = random_samples(rng, count, max_length)
        what = f"hashed_one_hot({shown(samples)}, dimensionality={dimensionality}, max_length={max_length})"
        expected = grader_hashed_one_hot(samples, dimensionality, max_length)
        got = expect_array(encoding.hashed_one_hot(samples, dimensionality, max_length), what, shape=expected.shape, kinds="f")
        first_difference(got, expected, what, "stable_hash(word) % dimensionality, never Python's hash(), which changes in "
                                             "every process")


@pytest.mark.points(2)
def test_count_collisions(encoding, rng):
    """count_collisions is the number of distinct words minus the distinct buckets they fill; a repeated word counts once."""
    cases = [(["the", "cat", "the"], 1)]
    for vocabulary_size, dimensionality in [(int(rng.integers(20, 60)), int(rng.integers(5, 40))), (int(rng.integers(50, 200)), 1000),
                                            (int(rng.integers(200, 400)), int(rng.integers(100, 300))), (3, 2)]:
        vocabulary = list(dict.fromkeys(random_word(rng, 0.3, 0.0) + random_word(rng, 0, 0) for _ in range(vocabulary_size)))
        words = [vocabulary[int(i)] for i in rng.integers(0, len(vocabulary), size=2 * len(vocabulary))]
        cases.append((words, dimensionality))
    for words, dimensionality in cases:
        distinct = set(words)
        expected = len(distinct) - len({grader_hash(word) % dimensionality for word in distinct})
        what = f"count_collisions(<{len(words)} words, {len(distinct)} distinct>, dimensionality={dimensionality})"
        if len(words) <= 5:
            what = f"count_collisions({words}, {dimensionality})"
        got = encoding.count_collisions(words, dimensionality)
        expect(isinstance(got, int) and not isinstance(got, bool), f"{what} should return an int, got {type(got).__name__}")
        expect(got == expected, f"{what} should be {expected} (distinct words minus the distinct buckets "
                                f"stable_hash(word) % dimensionality they fill, a repeated word counted once); got {got}")


# ---------------------------------------------------------------- padding

def ragged(rng, count, maxlen, as_arrays):
    """Return `count` random id sequences around maxlen long (some empty, some longer, one exactly maxlen)."""
    lengths = rng.integers(0, 2 * maxlen + 2, size=count)
    lengths[0], lengths[-1] = maxlen + int(rng.integers(1, 4)), 0
    if count > 3:
        lengths[1] = maxlen
    sequences = [rng.integers(1, 1000, size=int(n)) for n in lengths]
    return sequences if as_arrays else [s.tolist() for s in sequences]


def brief(ids, limit=8):
    ids = [int(i) for i in ids]
    if len(ids) <= limit:
        return str(ids)
    return "[" + ", ".join(map(str, ids[:3])) + ", ..., " + ", ".join(map(str, ids[-3:])) + f"] ({len(ids)} ids)"


def check_pad(encoding, rng, padding, truncating, value, as_arrays, keywords):
    import keras

    count, maxlen = int(rng.integers(3, 12)), int(rng.integers(1, 9))
    sequences = ragged(rng, count, maxlen, as_arrays)
    expected = keras.utils.pad_sequences(sequences, maxlen=maxlen, padding=padding, truncating=truncating, value=value)
    options = "".join(f", {k}={v!r}" for k, v in keywords.items())
    kind = "1-D arrays" if as_arrays else "lists"
    what = f"pad(<{count} sequences as {kind}>, maxlen={maxlen}{options})"
    got = expect_array(encoding.pad(sequences, maxlen, **keywords), what, shape=expected.shape, kinds="iu")
    for row, (sequence, want, have) in enumerate(zip(sequences, expected, got)):
        if np.array_equal(want, have):
            continue
        if len(sequence) > maxlen:
            rule = f"truncating={truncating!r} keeps the {'last' if truncating == 'pre' else 'first'} {maxlen} ids"
        elif len(sequence) == 0:
            rule = f"an empty sequence gives a row of value={value}"
        else:
            rule = f"padding={padding!r} puts value={value} {'in front' if padding == 'pre' else 'behind'}"
        raise GradingFailure(f"{what}: sequence {row} {brief(sequence)} should become {brief(want)} ({rule}); got {brief(have)}")


@pytest.mark.points(2)
def test_pad_defaults(encoding, rng):
    """pad with its defaults equals keras.utils.pad_sequences: zeros in front, a long sequence keeps its LAST maxlen ids."""
    for as_arrays in (False, True, False):
        check_pad(encoding, rng, "pre", "pre", 0, as_arrays, {})


@pytest.mark.points(2)
def test_pad_options(encoding, rng):
    """pad equals keras.utils.pad_sequences for every padding x truncating pair and a value other than 0."""
    values = iter(rng.permutation([0, -1, int(rng.integers(1, 10)), int(rng.integers(1, 100))]).tolist())
    for padding in ("pre", "post"):
        for truncating in ("pre", "post"):
            value = next(values)
            as_arrays = bool(rng.integers(0, 2))
            check_pad(encoding, rng, padding, truncating, value, as_arrays,
                      {"padding": padding, "truncating": truncating, "value": value})


# ---------------------------------------------------------------- TextVectorization

def grader_vectorize(train_texts, texts, max_tokens, maxlen):
    """Return {name: ids} of the grader's own TextVectorization: "right" (adapted on train_texts, its trailing padding
    dropped, pad_sequences) and the mistakes feedback can name."""
    import keras

    def layer(adapt_on, **keywords):
        vectorizer = keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="int", **keywords)
        vectorizer.adapt(adapt_on)
        return keras.ops.convert_to_numpy(vectorizer(texts))

    def padded(ids):
        return keras.utils.pad_sequences([row[row != 0] for row in ids], maxlen=maxlen)

    ids = layer(train_texts)
    return {
        "right": padded(ids),
        "it is TextVectorization's output_sequence_length, which pads and cuts at the END": layer(
            train_texts, output_sequence_length=maxlen),
        "it keeps the zeros the layer put at the end of the shorter texts of the batch: drop them before padding":
            keras.utils.pad_sequences(ids, maxlen=maxlen),
        "its vocabulary comes from `texts`: adapt on train_texts": padded(layer(texts)),
    }


def made_up_texts(rng, count, vocabulary):
    """Return `count` texts of words drawn with Zipf-like frequencies, with capitals and punctuation."""
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)
    texts = []
    for _ in range(count):
        words = rng.choice(vocabulary, size=int(rng.integers(1, 25)), p=weights / weights.sum())
        texts.append(" ".join(str(w).capitalize() if rng.random() < 0.2 else str(w) + ("," if rng.random() < 0.1 else "")
                              for w in words))
    return texts


def check_vectorize(encoding, train_texts, texts, max_tokens, maxlen, what):
    versions = grader_vectorize(train_texts, texts, max_tokens, maxlen)
    expected = versions.pop("right")
    got = expect_array(encoding.vectorize_texts(train_texts, texts, max_tokens, maxlen), what, shape=expected.shape, kinds="iu")
    expect(got.max(initial=0) < max_tokens, f"{what}: every id should be below max_tokens={max_tokens} "
                                            f"(TextVectorization(max_tokens=max_tokens)), got an id {int(got.max())}")
    for row, (text, want, have) in enumerate(zip(texts, expected, got)):
        if not np.array_equal(want, have):
            words = len(text.split())
            rule = "zeros in front" if words <= maxlen else f"a text of {words} words keeps its LAST {maxlen} ids"
            note = next((f"; {name}" for name, ids in versions.items() if ids.shape == got.shape and np.array_equal(ids, got)), "")
            raise GradingFailure(f"{what}: text {row} {text[:30]!r}... should give {brief(want)} (the vocabulary of "
                                 f"train_texts, {rule}); got {brief(have)}{note}")


@pytest.mark.points(3)
def test_vectorize_texts(encoding, review_texts, rng):
    """vectorize_texts equals TextVectorization adapted on train_texts, then pre-padded: on the kit's reviews and on made-up texts."""
    train = [review_texts["train_texts"][int(i)] for i in rng.choice(len(review_texts["train_texts"]), size=300, replace=False)]
    test = [review_texts["test_texts"][int(i)] for i in rng.choice(len(review_texts["test_texts"]), size=40, replace=False)]
    test.insert(int(rng.integers(0, len(test))), "")
    max_tokens, maxlen = int(rng.integers(100, 2000)), int(rng.integers(30, 120))
    check_vectorize(encoding, train, test, max_tokens, maxlen,
                    f"vectorize_texts(<300 training reviews>, <{len(test)} test reviews>, max_tokens={max_tokens}, maxlen={maxlen})")

    vocabulary = list(dict.fromkeys(random_word(rng, 0, 0) for _ in range(int(rng.integers(15, 40)))))
    train, texts = made_up_texts(rng, 30, vocabulary), made_up_texts(rng, 8, vocabulary + ["zzq", "qqz"]) + [""]
    max_tokens, maxlen = int(rng.integers(5, 12)), int(rng.integers(3, 20))
    check_vectorize(encoding, train, texts, max_tokens, maxlen,
                    f"vectorize_texts(<30 made-up texts>, {shown(texts, 2)}, max_tokens={max_tokens}, maxlen={maxlen})")
