"""Chapter 6, exercise 1: turning text into numbers — one-hot encoding, the hashing trick, tokenising and padding.

Textbook: DLwP §6.1.1 "One-hot encoding of words and characters" (listings 6.1-6.4) and
the start of §6.1.3 (word ids padded to one length). The book's Keras 2 `Tokenizer` and
`keras.preprocessing.sequence.pad_sequences` are gone from Keras 3: text is tokenised by
the `keras.layers.TextVectorization` layer and lists of ids are padded by
`keras.utils.pad_sequences`. The first functions are the book's NumPy listings; `pad`
rebuilds what `pad_sequences` does, so you know exactly which end it cuts.
"""

import hashlib
import string

import numpy as np


def word_one_hot(samples, max_length=10):
    """Return (token_index, results): the book's word-level one-hot encoding of `samples`.

    token_index maps every word of every sample (split on whitespace with `sample.split()`)
    to an id, numbered from 1 in the order the words first appear (sample after sample,
    word after word); 0 is reserved and never assigned. Words past max_length count in
    token_index too.

    results is a float32 array of shape (len(samples), max_length, max(token_index.values()) + 1)
    with results[i, j, token_index[word]] = 1 for the j-th word of sample i, for the first
    max_length words of each sample; everything else is 0.

    Example:
        >>> token_index, results = word_one_hot(["The cat sat on the mat.", "The dog ate my homework."])
        >>> token_index["The"], token_index["cat"], token_index["the"], results.shape
        (1, 2, 5, (2, 10, 11))

    Textbook: DLwP §6.1.1, listing 6.1 "Word-level one-hot encoding (toy example)".
    """
    # Hint: build the whole index in a first pass over all samples; only then do you know the last axis's size.
    raise NotImplementedError("return (token_index, results)")


def character_one_hot(samples, max_length=50):
    """Return a float32 array (len(samples), max_length, len(string.printable) + 1): the book's character-level one-hot encoding.

    The index of a character is its position in `string.printable` plus one:
        token_index = dict(zip(string.printable, range(1, len(string.printable) + 1)))
    so the last axis has 101 entries and entry 0 is never set. results[i, j, token_index[c]] = 1
    for the j-th character c of sample i; characters past max_length are ignored, and a
    character that is not in `string.printable` (e.g. "é") leaves its row all zeros.

    Example:
        >>> character_one_hot(["ab"], max_length=3)[0, :, :13].nonzero()
        (array([0, 1]), array([11, 12]))

    Textbook: DLwP §6.1.1, listing 6.2 "Character-level one-hot encoding (toy example)" (the
    book zips the two sequences the other way round, so its `token_index.get(character)` is
    always None).
    """
    # Hint: a dict maps characters to their ids; what does indexing an array with None do, and how do you skip a character?
    raise NotImplementedError("look each character up in a character -> id dict; skip the ones it lacks")


def stable_hash(word):
    """Return a non-negative int hash of `word` that is the same in every Python process (given by the kit).

    The book's hashing trick indexes words by `abs(hash(word)) % dimensionality`. But Python's
    `hash()` of a str is salted per process (PYTHONHASHSEED, on by default since Python 3.3),
    so the same word lands in a different bucket every time Python starts: a model trained in
    one process would read garbage in the next. The first 8 bytes of the word's SHA-256 never
    change.

    Example:
        >>> stable_hash("cat") % 1000
        259
    """
    return int.from_bytes(hashlib.sha256(word.encode("utf-8")).digest()[:8], "big")


def hashed_one_hot(samples, dimensionality=1000, max_length=10):
    """Return a float32 array (len(samples), max_length, dimensionality): word-level one-hot encoding with the hashing trick.

    No index is kept: the j-th word of sample i (words from `sample.split()`, the first
    max_length of them) sets results[i, j, stable_hash(word) % dimensionality] = 1. Two words
    may share a bucket (a collision): see `count_collisions`.

    Example:
        >>> hashed_one_hot(["the cat"], dimensionality=1000, max_length=3)[0].nonzero()
        (array([0, 1]), array([ 50, 259]))

    Textbook: DLwP §6.1.1, listing 6.4 "Word-level one-hot encoding with hashing trick (toy
    example)", with the kit's `stable_hash` in place of Python's `hash`.
    """
    # Hint: the book's listing 6.4, with one change to how the index is computed (read stable_hash's docstring).
    raise NotImplementedError("listing 6.4 with stable_hash(word) % dimensionality as the index")


def count_collisions(words, dimensionality):
    """Return an int: how many distinct words share a bucket with another one, hashed into `dimensionality` buckets.

    That is the number of distinct words minus the number of distinct buckets
    (stable_hash(word) % dimensionality) they occupy; a word listed twice counts once. With
    10,000 distinct words and 1,000 buckets at least 9,000 words collide: the hashing trick
    only works when the dimensionality is much larger than the vocabulary.

    Example:
        >>> count_collisions(["the", "cat", "the"], 1)
        1

    Textbook: DLwP §6.1.1 "hash collisions" (after listing 6.4).
    """
    # Hint: a set removes repetitions, both of words and of buckets.
    raise NotImplementedError("distinct words minus distinct buckets")


def pad(sequences, maxlen, padding="pre", truncating="pre", value=0):
    """Return an int32 array (len(sequences), maxlen): the sequences of ids padded and truncated to maxlen, in NumPy.

    What `keras.utils.pad_sequences(sequences, maxlen, padding=..., truncating=..., value=...)`
    does, written without Keras:
      - a sequence longer than maxlen is cut: truncating="pre" drops ids at the start (it
        keeps the LAST maxlen ids), "post" drops them at the end;
      - a shorter one is filled with `value`: padding="pre" in front, "post" behind;
      - an empty sequence gives a row of `value`.
    `sequences` is a list of lists of ints or a list of 1-D int arrays of any lengths.

    Example:
        >>> pad([[1, 2, 3], [4]], maxlen=2)
        array([[2, 3],
               [0, 4]], dtype=int32)

    Textbook: DLwP §6.1.3 (sequence.pad_sequences before an Embedding layer), Keras 3's
    keras.utils.pad_sequences.
    """
    # Hint: cut first, then fill: a negative slice keeps the end of a list, and an empty slice needs care.
    raise NotImplementedError("cut each sequence, then place it at the start or the end of a row of `value`")


def vectorize_texts(train_texts, texts, max_tokens, maxlen):
    """Return an int array (len(texts), maxlen): `texts` as word ids of a vocabulary learned on `train_texts`, pre-padded.

    1. Create keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="int") and
       `adapt` it on train_texts. Its vocabulary: 0 is padding, 1 is "[UNK]" (any word
       outside the vocabulary), then the max_tokens - 2 most frequent words (text is
       lower-cased and stripped of punctuation, then split on whitespace).
    2. Apply it to `texts` (not the training texts: the vocabulary stays the training one).
    3. Pad and truncate each text's ids to maxlen like keras.utils.pad_sequences does by
       default: zeros in front, and a long text keeps its LAST maxlen ids. An empty text
       gives a row of zeros.
    Every id is below max_tokens.

    Do not use TextVectorization's own `output_sequence_length`: it pads and truncates at the
    END, and a recurrent layer reading left to right would end on a run of padding zeros.

    Example:
        >>> vectorize_texts(["b a b", "b a c"], ["b a d", ""], max_tokens=10, maxlen=4)
        array([[0, 2, 3, 1],
               [0, 0, 0, 0]])

    Textbook: DLwP §6.1.3 (the raw IMDB text tokenised, then padded), with Keras 3's
    TextVectorization in place of the book's Tokenizer.
    """
    # Hint: called on a list of strings, the layer pads its batch with zeros at the end; id 0 is never a word.
    raise NotImplementedError("adapt on train_texts, vectorize texts, drop the layer's trailing zeros, pre-pad to maxlen")
