"""Chapter 8, exercise 2: character-level text generation with an LSTM.

Textbook: DLwP §8.1.4 "Implementing character-level LSTM text generation": listings 8.2–8.7.
The book trains on Nietzsche; the kit's offline corpus is four Shakespeare tragedies
(`kerakit.data.shakespeare.load_text()`, 583,823 characters, lowercased like the book's).

The model reads `maxlen` characters, one-hot encoded, and predicts the next one; to
generate, it predicts, samples a character (exercise 1's temperature), appends it, and
slides the window on by one.
"""

import numpy as np
import keras
from keras import layers

from sampling import sample


def make_sequences(text, maxlen=60, step=3):
    """Return (sentences, next_chars): the `maxlen`-character windows taken every `step` characters, and the character after each.

    Window i starts at character i * step; the windows start at 0, step, 2*step, ... as long
    as a next character follows the window (the book's `range(0, len(text) - maxlen, step)`).

    Args:
        text: a string.
        maxlen: characters in each window.
        step: characters between the starts of consecutive windows.

    Returns:
        Two lists of strings of the same length: sentences (each `maxlen` long) and
        next_chars (each one character).

    Example:
        >>> make_sequences("abcdefg", maxlen=3, step=2)
        (['abc', 'cde'], ['d', 'f'])

    Textbook: DLwP listing 8.3.
    """
    # BEGIN SOLUTION: slide over the text; stop where no next character follows
    starts = range(0, len(text) - maxlen, step)
    return [text[i:i + maxlen] for i in starts], [text[i + maxlen] for i in starts]
    # END SOLUTION


def vectorize(sentences, next_chars, chars):
    """Return (x, y): the windows and their next characters one-hot encoded over `chars`.

    x[i, t, k] is 1 when character t of sentences[i] is chars[k]; y[i, k] is 1 when
    next_chars[i] is chars[k]; every other entry is 0.

    Args:
        sentences: a sequence of n strings, all of the same length maxlen.
        next_chars: a sequence of n single characters.
        chars: the distinct characters of the corpus, sorted (the book's
            `sorted(list(set(text)))`): chars[k] is encoded at position k.

    Returns:
        x: bool array (n, maxlen, len(chars)); y: bool array (n, len(chars)) (as the book makes
        them; 0/1 numbers of another dtype work as well).

    Example:
        >>> x, y = vectorize(["ab", "ba"], ["a", "b"], ["a", "b"])
        >>> x.astype(int).tolist(), y.astype(int).tolist()
        ([[[1, 0], [0, 1]], [[0, 1], [1, 0]]], [[1, 0], [0, 1]])

    Textbook: DLwP listing 8.3 (the vectorisation part).
    """
    # Hint: a dict from character to position saves searching `chars` for every character.
    # BEGIN SOLUTION: a character -> index dict, then set one entry per character
    char_indices = {char: index for index, char in enumerate(chars)}
    maxlen = len(sentences[0]) if len(sentences) else 0
    x = np.zeros((len(sentences), maxlen, len(chars)), dtype=bool)
    y = np.zeros((len(sentences), len(chars)), dtype=bool)
    for i, sentence in enumerate(sentences):
        for t, char in enumerate(sentence):
            x[i, t, char_indices[char]] = True
        y[i, char_indices[next_chars[i]]] = True
    return x, y
    # END SOLUTION


def build_char_lstm(maxlen=60, num_chars=57):
    """Return the book's next-character model, compiled: LSTM(128) -> Dense(num_chars, softmax).

    Input (batch, maxlen, num_chars) one-hot windows; output (batch, num_chars)
    probabilities of the next character. Compiled with RMSprop(learning_rate=0.01) and
    categorical cross-entropy.

    Textbook: DLwP listings 8.4 and 8.5.
    """
    # BEGIN SOLUTION: a Sequential LSTM with a softmax head
    model = keras.Sequential([
        keras.Input(shape=(maxlen, num_chars)),
        layers.LSTM(128),
        layers.Dense(num_chars, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="categorical_crossentropy")
    return model
    # END SOLUTION


def generate_text(model, seed_text, chars, length, temperature, rng):
    """Return `length` new characters (a string) that `model` writes after `seed_text`, sampled at `temperature`.

    The model's input is the last maxlen characters of the text so far (maxlen is
    model.input_shape[1]), one-hot encoded over `chars` as in `vectorize`; each step samples
    one character with exercise 1's `sample(preds, temperature, rng)` and appends it.

    Args:
        model: a trained model such as build_char_lstm's.
        seed_text: the text to continue, at least maxlen characters, all in `chars`.
        chars: the sorted distinct characters the model was trained on.
        length: how many characters to generate.
        temperature: a number > 0.
        rng: np.random.Generator used for every draw.

    Returns:
        The generated characters only (not the seed): a string of `length` characters of `chars`.

    Raises:
        ValueError: when seed_text is shorter than maxlen or holds a character not in
            `chars` (the message names it).

    Textbook: DLwP listing 8.7 (the generation loop).
    """
    # Hint: check the seed before predicting; model.predict(x, verbose=0)[0] is one probability vector.
    # BEGIN SOLUTION: validate the seed, then predict, sample, append and slide
    maxlen = model.input_shape[1]
    unknown = sorted(set(seed_text) - set(chars))
    if unknown:
        raise ValueError(f"seed_text holds characters the model does not know: {''.join(unknown)!r}")
    if len(seed_text) < maxlen:
        raise ValueError(f"seed_text needs at least {maxlen} characters, got {len(seed_text)}")
    char_indices = {char: index for index, char in enumerate(chars)}
    text, generated = seed_text, []
    for _ in range(length):
        x = np.zeros((1, maxlen, len(chars)), dtype="float32")
        for t, char in enumerate(text[-maxlen:]):
            x[0, t, char_indices[char]] = 1.0
        preds = model.predict(x, verbose=0)[0]
        next_char = chars[sample(preds, temperature, rng)]
        generated.append(next_char)
        text += next_char
    return "".join(generated)
    # END SOLUTION
