"""Graders for chapter 8, exercise 2: character-level LSTM text generation (DLwP §8.1.4).

make_sequences and vectorize are compared with the grader's own on random texts and on
the corpus. build_char_lstm is compared layer by layer, then rebuilt with the grader's
fresh weights and trained on a slice of the corpus: on text it has not seen (the end of
Othello) its per-character cross-entropy must beat the unigram baseline (every character
predicted by its frequency in the training slice) by a calibrated margin.
generate_text is run on the grader's own small models, so it is graded even when
build_char_lstm is not done: at a low temperature each character must be the one the
model ranks first given the text before it (the window slides), and it must draw with
the generator it is given.
"""

import numpy as np
import pytest

from kerakit.grading import (HIGHER, Budget, GradingFailure, assert_architecture, assert_compiled_with, expect, expect_array,
                             expect_sequence, expect_value_error, student_module, train_within_budget)

text_generation = student_module("text_generation")

MAXLEN, STEP = 30, 3           # the book's 60 and 3, shortened so an epoch takes seconds on 2 cores
TRAIN_CHARS = 60_000           # the first 60,000 characters (Hamlet's first acts): 19,990 windows
HELD_OUT = (520_000, 530_000)  # the end of Othello, never trained on; a window every 5 characters
BUDGET = Budget(epochs=2, batch_size=128)  # measured 3.6-4.3 s of training on 2 cores
GENERATOR_MAXLEN = 20


def grader_sequences(text, maxlen, step):
    starts = range(0, len(text) - maxlen, step)
    return [text[i:i + maxlen] for i in starts], [text[i + maxlen] for i in starts]


def grader_one_hot(sentences, next_chars, chars):
    index = {char: k for k, char in enumerate(chars)}
    maxlen = len(sentences[0]) if sentences else 0
    x = np.zeros((len(sentences), maxlen, len(chars)), dtype="float32")
    y = np.zeros((len(sentences), len(chars)), dtype="float32")
    for i, sentence in enumerate(sentences):
        x[i, np.arange(len(sentence)), [index[c] for c in sentence]] = 1.0
        y[i, index[next_chars[i]]] = 1.0
    return x, y


def random_text(rng, alphabet, length):
    return "".join(rng.choice(list(alphabet), size=length))


@pytest.mark.points(2)
def test_make_sequences(text_generation, rng, corpus):
    """make_sequences cuts windows of maxlen characters every step characters, each with the character that follows."""
    cases = [(random_text(rng, "abc de", int(rng.integers(40, 90))), int(rng.integers(3, 12)), int(rng.integers(1, 5)))
             for _ in range(3)]
    cases.append((random_text(rng, "xyz", 25), 5, 4))          # len - maxlen divisible by step: the last start has no next char
    cases.append(("short", 5, 1))                              # no window has a next character
    cases.append((corpus["text"][:2000], 60, 3))               # the book's maxlen and step
    for text, maxlen, step in cases:
        what = f"make_sequences(<text of {len(text)} characters>, maxlen={maxlen}, step={step})"
        sentences, next_chars = expect_sequence(text_generation.make_sequences(text, maxlen, step), what, 2, "(sentences, next_chars)")
        want_sentences, want_next = grader_sequences(text, maxlen, step)
        expect(len(sentences) == len(want_sentences) and len(next_chars) == len(want_next),
               f"{what} should give {len(want_sentences)} windows (starts 0, {step}, ... while a next character follows), "
               f"got {len(sentences)} sentences and {len(next_chars)} next characters")
        for i, (got, want) in enumerate(zip(sentences, want_sentences)):
            expect(got == want, f"{what}: window {i} should be text[{i * step}:{i * step + maxlen}] = {want!r}, got {got!r}")
        for i, (got, want) in enumerate(zip(next_chars, want_next)):
            expect(got == want, f"{what}: the character after window {i} should be text[{i * step + maxlen}] = {want!r}, got {got!r}")


@pytest.mark.points(3)
def test_vectorize(text_generation, rng, corpus):
    """vectorize one-hot encodes windows (n, maxlen, chars) and next characters (n, chars) by position in chars."""
    alphabet = sorted(rng.choice(list("abcdefghij .,;"), size=int(rng.integers(4, 10)), replace=False).tolist())
    maxlen, n = int(rng.integers(3, 9)), int(rng.integers(5, 20))
    sentences = [random_text(rng, alphabet, maxlen) for _ in range(n)]
    next_chars = [random_text(rng, alphabet, 1) for _ in range(n)]
    real_sentences, real_next = grader_sequences(corpus["text"][int(rng.integers(0, 500_000)):][:3000], 60, 3)
    for sentences, next_chars, chars, label in ((sentences, next_chars, alphabet, f"{n} random windows over {alphabet}"),
                                                (real_sentences, real_next, corpus["chars"], "windows of the corpus")):
        what = f"vectorize(<{label}>)"
        x, y = expect_sequence(text_generation.vectorize(sentences, next_chars, chars), what, 2, "(x, y)")
        want_x, want_y = grader_one_hot(sentences, next_chars, chars)
        x = expect_array(x, f"x from {what}", shape=want_x.shape, kinds="biuf")
        y = expect_array(y, f"y from {what}", shape=want_y.shape, kinds="biuf")
        for name, got, want in (("x", x, want_x), ("y", y, want_y)):
            wrong = np.argwhere(got.astype("float32") != want)
            if len(wrong):
                index = tuple(int(i) for i in wrong[0])
                raise GradingFailure(f"{name} from {what} is wrong at {index}: expected {want[index]:g}, got {got[index]} "
                                     f"(chars[k] is encoded at position k; {len(wrong)} entries differ)")


def char_lstm_layers(maxlen, num_chars):
    return [
        {"class": "LSTM", "units": 128, "return_sequences": False, "output_shape": (None, 128),
         "params": 4 * 128 * (num_chars + 128 + 1)},
        {"class": "Dense", "units": num_chars, "activation": "softmax", "output_shape": (None, num_chars),
         "params": 128 * num_chars + num_chars},
    ]


@pytest.mark.points(2)
def test_build_char_lstm(text_generation, rng):
    """build_char_lstm: LSTM(128) -> Dense(num_chars, softmax) on (maxlen, num_chars) inputs; RMSprop(0.01), categorical cross-entropy."""
    for maxlen, num_chars in ((60, 57), (int(rng.integers(10, 80)), int(rng.integers(20, 70)))):
        what = f"build_char_lstm(maxlen={maxlen}, num_chars={num_chars})"
        record = text_generation.build_char_lstm(maxlen, num_chars)
        summary = assert_architecture(record, char_lstm_layers(maxlen, num_chars), what)
        expect(tuple(summary.input_shape) == (None, maxlen, num_chars),
               f"{what} should take (batch, {maxlen}, {num_chars}) one-hot windows, got input shape {summary.input_shape}")
        assert_compiled_with(record, what, optimizer="RMSprop", loss="categorical_crossentropy", learning_rate=0.01)


def per_character_cross_entropy(probabilities, y):
    """Return the mean of -log p(true next character), in nats."""
    picked = np.clip(np.sum(probabilities * y, axis=1), 1e-7, 1.0)
    return float(-np.mean(np.log(picked)))


@pytest.mark.points(4)
@pytest.mark.timeout(240)
def test_char_lstm_beats_the_unigram_baseline(text_generation, corpus, floors):
    """build_char_lstm, rebuilt with the grader's weights and trained on a slice of the corpus, beats the unigram baseline on unseen text."""
    text, chars = corpus["text"], corpus["chars"]
    x, y = grader_one_hot(*grader_sequences(text[:TRAIN_CHARS], MAXLEN, STEP), chars)
    held_x, held_y = grader_one_hot(*grader_sequences(text[HELD_OUT[0]:HELD_OUT[1]], MAXLEN, 5), chars)
    what = f"build_char_lstm(maxlen={MAXLEN}, num_chars={len(chars)})"
    model = train_within_budget(text_generation.build_char_lstm(MAXLEN, len(chars)), (x, y), BUDGET, what=what).model
    model_loss = per_character_cross_entropy(model.predict(held_x, batch_size=512, verbose=0), held_y)
    expect(np.isfinite(model_loss), f"{what} predicts NaN after training: check the output activation is softmax")
    frequencies = y.sum(axis=0) + 1.0
    unigram_loss = per_character_cross_entropy(np.broadcast_to(frequencies / frequencies.sum(), held_y.shape), held_y)
    floors.check("char_lstm_gain_over_unigram", unigram_loss - model_loss,
                 f"nats per character that {what}, after {BUDGET.describe()} on the first {TRAIN_CHARS:,} characters, "
                 f"gains over the unigram baseline ({unigram_loss:.3f}) on unseen text (model {model_loss:.3f})", HIGHER)


def grader_char_model(num_chars, sharpness, seed):
    """Return a small untrained LSTM -> softmax with random weights; sharpness scales the logits (peaked or flat)."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(GENERATOR_MAXLEN, num_chars)), layers.LSTM(16),
                              layers.Dense(num_chars, activation="softmax")])
    kernel, bias = model.layers[-1].get_weights()
    model.layers[-1].set_weights([kernel * sharpness, bias])
    return model


def generated(text_generation, model, seed_text, chars, length, temperature, seed, what):
    result = text_generation.generate_text(model, seed_text, chars, length, temperature, np.random.default_rng(seed))
    expect(isinstance(result, str), f"{what} should return a string, got {type(result).__name__}")
    expect(len(result) == length, f"{what} should return the {length} new characters only, got {len(result)} characters")
    outside = sorted(set(result) - set(chars))
    expect(not outside, f"{what} wrote characters that are not in chars: {''.join(outside)!r}")
    return result


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_generate_text_follows_the_model(text_generation, rng, corpus):
    """At temperature 0.02, each generated character is one the model, given the last maxlen characters before it, all but always picks."""
    chars, text = corpus["chars"], corpus["text"]
    model = grader_char_model(len(chars), sharpness=30.0, seed=int(rng.integers(1 << 30)))  # peaked: few near-ties
    start = int(rng.integers(0, len(text) - 200))
    seed_text = text[start:start + GENERATOR_MAXLEN + int(rng.integers(0, 15))]  # longer than maxlen: the last 20 count
    length = int(rng.integers(25, 40))
    what = f"generate_text(<model reading {GENERATOR_MAXLEN} characters>, <seed of {len(seed_text)}>, chars, length={length}, temperature=0.02)"
    result = generated(text_generation, model, seed_text, chars, length, 0.02, 1, what)
    full = seed_text + result
    windows = [full[len(seed_text) + i - GENERATOR_MAXLEN:len(seed_text) + i] for i in range(length)]
    x, _ = grader_one_hot(windows, list(result), chars)
    probabilities = model.predict(x, verbose=0).astype("float64")
    logits = np.log(np.maximum(probabilities, 1e-300)) / 0.02
    reweighted = np.exp(logits - logits.max(axis=1, keepdims=True))
    reweighted /= reweighted.sum(axis=1, keepdims=True)
    # How likely each written character was, given the window before it, at this temperature: near 1 when the sampler
    # follows the model (about 0.5 where two characters tie), near 0 when it reads the wrong window or encodes it wrongly.
    likelihood = float(np.mean(reweighted[np.arange(length), [chars.index(c) for c in result]]))
    ranked_first = "".join(chars[k] for k in np.argmax(probabilities, axis=1))
    expect(likelihood >= 0.75, f"{what}: the characters written have on average probability {likelihood:.2f} under the model at "
                               "this temperature given the window before each (expected nearly 1): feed the window that ends at the last "
                               f"character written, one-hot over chars, and sample from the prediction; got {result!r}, the model's "
                               f"first choices {ranked_first!r}")


@pytest.mark.points(1)
@pytest.mark.timeout(240)
def test_generate_text_draws_with_the_given_generator(text_generation, rng, corpus):
    """At temperature 1, generate_text samples: the same text for the same seed, another for another seed, not the argmax."""
    chars, text = corpus["chars"], corpus["text"]
    model = grader_char_model(len(chars), sharpness=0.5, seed=int(rng.integers(1 << 30)))
    seed_text = text[1000:1000 + GENERATOR_MAXLEN]
    what = "generate_text(<model>, seed, chars, length=20, temperature=1.0, rng)"
    first, again, other = (generated(text_generation, model, seed_text, chars, 20, 1.0, seed, what) for seed in (3, 3, 4))
    expect(first == again, f"{what} wrote {first!r}, then {again!r} with the same seed: draw with the rng argument (through sample)")
    expect(first != other, f"{what} wrote {first!r} for seeds 3 and 4: draw with the rng argument (through sample)")
    windows = [(seed_text + first)[i:i + GENERATOR_MAXLEN] for i in range(len(first))]
    x, _ = grader_one_hot(windows, list(first), chars)
    ranked_first = "".join(chars[k] for k in np.argmax(model.predict(x, verbose=0), axis=1))
    agree = np.mean([a == b for a, b in zip(first, ranked_first)])
    expect(agree < 0.9, f"{what}: {agree:.0%} of the characters are the model's first choice on a flat distribution: at temperature "
                        "1 draw from the probabilities (sample), do not take the argmax")


@pytest.mark.points(1)
def test_generate_text_refuses_a_bad_seed(text_generation, corpus):
    """generate_text raises a one-line ValueError for a seed with characters outside chars, and for one shorter than maxlen."""
    chars = corpus["chars"]
    model = grader_char_model(len(chars), sharpness=1.0, seed=0)
    message = expect_value_error(text_generation.generate_text, model, "to be, or not to be: @ that is the question", chars, 5, 1.0,
                                 np.random.default_rng(0), what="generate_text with '@' in the seed (not in chars)")
    expect("@" in message, f"generate_text's ValueError for a seed holding '@' should name the character, got {message!r}")
    expect_value_error(text_generation.generate_text, model, "too short", chars, 5, 1.0, np.random.default_rng(0),
                       what=f"generate_text with a 9-character seed (the model reads {GENERATOR_MAXLEN})")
