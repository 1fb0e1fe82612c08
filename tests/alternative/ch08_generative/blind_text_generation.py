# Right, written differently (a blind tester, who saw only the sheet and the stubs).
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
    sentences, next_chars = [], []
    start = 0
    while start + maxlen < len(text):  # a next character must follow the window
        sentences.append(text[start:start + maxlen])
        next_chars.append(text[start + maxlen])
        start += step
    return sentences, next_chars


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
        x: bool array (n, maxlen, len(chars)); y: bool array (n, len(chars)).

    Example:
        >>> x, y = vectorize(["ab", "ba"], ["a", "b"], ["a", "b"])
        >>> x.astype(int).tolist(), y.astype(int).tolist()
        ([[[1, 0], [0, 1]], [[0, 1], [1, 0]]], [[1, 0], [0, 1]])

    Textbook: DLwP listing 8.3 (the vectorisation part).
    """
    chars = list(chars)
    position = {c: k for k, c in enumerate(chars)}
    n = len(sentences)
    maxlen = len(sentences[0]) if n else 0
    # vectorised: the index of every character, then one fancy-indexed assignment
    idx = np.array([[position[c] for c in s] for s in sentences], dtype=np.int64).reshape(n, maxlen)
    nxt = np.array([position[c] for c in next_chars], dtype=np.int64)
    x = np.zeros((n, maxlen, len(chars)), dtype=bool)
    y = np.zeros((n, len(chars)), dtype=bool)
    rows = np.arange(n)
    x[rows[:, None], np.arange(maxlen)[None, :], idx] = True
    y[rows, nxt] = True
    return x, y


def build_char_lstm(maxlen=60, num_chars=57):
    """Return the book's next-character model, compiled: LSTM(128) -> Dense(num_chars, softmax).

    Input (batch, maxlen, num_chars) one-hot windows; output (batch, num_chars)
    probabilities of the next character. Compiled with RMSprop(learning_rate=0.01) and
    categorical cross-entropy.

    Textbook: DLwP listings 8.4 and 8.5.
    """
    # functional API, with the softmax as its own Activation layer (the same function)
    inputs = keras.Input(shape=(maxlen, num_chars))
    hidden = layers.LSTM(128)(inputs)
    logits = layers.Dense(num_chars)(hidden)
    outputs = layers.Activation("softmax")(logits)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01),
                  loss=keras.losses.CategoricalCrossentropy())
    return model


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
    chars = list(chars)
    maxlen = model.input_shape[1]
    position = {c: k for k, c in enumerate(chars)}
    unknown = sorted(set(seed_text) - set(position))
    if unknown:
        raise ValueError(f"seed_text holds characters not in chars: {unknown!r}")
    if len(seed_text) < maxlen:
        raise ValueError(f"seed_text has {len(seed_text)} characters, fewer than the model's maxlen {maxlen}")
    window = list(seed_text[-maxlen:])
    eye = np.eye(len(chars), dtype="float32")
    generated = []
    for _ in range(length):
        x = eye[[position[c] for c in window]][None]  # (1, maxlen, num_chars)
        preds = np.asarray(model(x, training=False))[0]
        next_char = chars[sample(preds, temperature, rng)]
        generated.append(next_char)
        window = window[1:] + [next_char]
    return "".join(generated)
