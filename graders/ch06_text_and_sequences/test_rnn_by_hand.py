"""Graders for chapter 6, rnn_by_hand.py: SimpleRNN's forward pass in NumPy and recurrent layers' parameter counts (DLwP §6.2).

The expected outputs come from Keras's own `keras.layers.SimpleRNN`, built by the grader
with the same random weights (`set_weights([kernel, recurrent_kernel, bias])`), on random
sizes in which input_features differs from units (so a swapped or transposed kernel cannot
fit) and on square ones (where it would fit and only the values tell). When the student's
output matches a mistake the grader can reproduce (no tanh, a state that is not carried,
the first output instead of the last, a transposed or swapped kernel), the feedback names it.
Parameter counts are compared with `count_params()` of Keras layers the grader builds.
"""

import numpy as np
import pytest

from kerakit.grading import GradingFailure, expect, expect_array, student_module

rnn_by_hand = student_module("rnn_by_hand")

RTOL, ATOL = 1e-5, 1e-5  # float32 Keras against a float32 or float64 NumPy loop


# ---------------------------------------------------------------- SimpleRNN forward

def keras_simple_rnn(inputs, kernel, recurrent_kernel, bias, return_sequences):
    """Return the grader's Keras SimpleRNN output on `inputs` with these weights."""
    import keras

    layer = keras.layers.SimpleRNN(kernel.shape[1], return_sequences=return_sequences)
    layer.build((None,) + inputs.shape[1:])
    layer.set_weights([kernel, recurrent_kernel, bias])
    return keras.ops.convert_to_numpy(layer(inputs))


def loop(inputs, kernel, recurrent_kernel, bias, activation=np.tanh, carry=True):
    """Return every timestep's output (batch, timesteps, units) of a simple RNN, optionally with a mistake."""
    state = np.zeros((inputs.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(inputs.shape[1]):
        output = activation(inputs[:, t, :] @ kernel + state @ recurrent_kernel + bias)
        outputs.append(output)
        if carry:
            state = output
    return np.stack(outputs, axis=1)


def known_mistakes(inputs, kernel, recurrent_kernel, bias):
    """Return [(description, all outputs (batch, timesteps, units))] of mistakes the grader can reproduce."""
    mistakes = [
        ("without the tanh", loop(inputs, kernel, recurrent_kernel, bias, activation=lambda x: x)),
        ("with the state never carried to the next step (always zeros)", loop(inputs, kernel, recurrent_kernel, bias, carry=False)),
        ("with state @ recurrent_kernel.T (Keras's recurrent_kernel is applied as state_t @ recurrent_kernel)",
         loop(inputs, kernel, recurrent_kernel.T, bias)),
    ]
    if kernel.shape[0] == kernel.shape[1]:
        mistakes += [("with both kernels transposed (the book's W and U are Keras's kernel.T and recurrent_kernel.T: use "
                      "x_t @ kernel + state_t @ recurrent_kernel)", loop(inputs, kernel.T, recurrent_kernel.T, bias)),
                     ("with the kernel transposed (the book's W is Keras's kernel.T: use x_t @ kernel)",
                      loop(inputs, kernel.T, recurrent_kernel, bias)),
                     ("with kernel and recurrent_kernel swapped", loop(inputs, recurrent_kernel, kernel, bias))]
    return mistakes


def diagnose(got, inputs, kernel, recurrent_kernel, bias, return_sequences):
    """Return a note naming the mistake the student's output matches, or ""."""
    def same(candidate):
        return got.shape == candidate.shape and np.allclose(got, candidate, rtol=RTOL, atol=ATOL)

    everything = loop(inputs, kernel, recurrent_kernel, bias)
    if not return_sequences and inputs.shape[1] > 1 and same(everything[:, 0]):
        return ": it is the FIRST timestep's output, the last one is outputs[:, -1]"
    if return_sequences and inputs.shape[1] > 1 and same(everything[:, ::-1]):
        return ": the timesteps come out in reverse order"
    if return_sequences and same(everything.transpose(1, 0, 2)):
        return ": its axes are (timesteps, batch, units), stack the outputs on axis 1"
    for description, outputs in known_mistakes(inputs, kernel, recurrent_kernel, bias):
        if same(outputs if return_sequences else outputs[:, -1]):
            return f": it matches a simple RNN {description}"
    return ""


def rnn_cases(rng):
    """Return (batch, timesteps, input_features, units): a square one first, then features != units, with batch 1 and one step."""
    def other(n):
        return int(rng.choice([k for k in range(1, 9) if k != n]))

    square = int(rng.integers(2, 7))
    cases = [(int(rng.integers(2, 5)), int(rng.integers(3, 8)), square, square)]
    units = int(rng.integers(2, 8))
    cases.append((1, int(rng.integers(3, 10)), other(units), units))
    units = int(rng.integers(1, 8))
    cases.append((int(rng.integers(2, 6)), 1, other(units), units))
    units = int(rng.integers(2, 8))
    cases.append((int(rng.integers(2, 6)), int(rng.integers(5, 12)), other(units), units))
    return cases


def check_simple_rnn(rnn_by_hand, rng, return_sequences):
    for batch, timesteps, features, units in rnn_cases(rng):
        inputs = rng.normal(size=(batch, timesteps, features)).astype("float32")
        kernel = rng.normal(scale=0.6, size=(features, units)).astype("float32")
        recurrent_kernel = rng.normal(scale=0.6, size=(units, units)).astype("float32")
        bias = rng.normal(scale=0.3, size=units).astype("float32")
        expected = keras_simple_rnn(inputs, kernel, recurrent_kernel, bias, return_sequences)
        what = (f"simple_rnn_forward(<inputs {inputs.shape}>, <kernel {kernel.shape}>, <recurrent_kernel {recurrent_kernel.shape}>, "
                f"<bias {bias.shape}>" + (", return_sequences=True)" if return_sequences else ")"))
        if return_sequences:
            result = rnn_by_hand.simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=True)
        else:
            result = rnn_by_hand.simple_rnn_forward(inputs, kernel, recurrent_kernel, bias)
        got = expect_array(result, what, kinds="f")
        note = diagnose(got, inputs, kernel, recurrent_kernel, bias, return_sequences)
        expect(got.shape == expected.shape,
               f"{what} should have shape {expected.shape} "
               f"({'every timestep' if return_sequences else 'the last output only'}), got {got.shape}{note}")
        close = np.isclose(got, expected, rtol=RTOL, atol=ATOL)
        if not close.all():
            index = tuple(int(i) for i in np.argwhere(~close)[0])
            raise GradingFailure(f"{what} differs from keras.layers.SimpleRNN({units}"
                                 f"{', return_sequences=True' if return_sequences else ''}) with these weights at index {index}: "
                                 f"expected {expected[index]:.6f}, got {got[index]:.6f}{note}")


@pytest.mark.points(3)
def test_simple_rnn_last_output(rnn_by_hand, rng):
    """simple_rnn_forward equals keras.layers.SimpleRNN's last output (batch, units) on random sizes and weights."""
    check_simple_rnn(rnn_by_hand, rng, return_sequences=False)


@pytest.mark.points(2)
def test_simple_rnn_sequences(rnn_by_hand, rng):
    """simple_rnn_forward(..., return_sequences=True) equals SimpleRNN(return_sequences=True): (batch, timesteps, units)."""
    check_simple_rnn(rnn_by_hand, rng, return_sequences=True)


# ---------------------------------------------------------------- parameter counts

def keras_count(layer, units, input_features, reset_after=True):
    """Return count_params() of the grader's own Keras layer built on (None, None, input_features)."""
    import keras

    keywords = {"reset_after": reset_after} if layer == "GRU" else {}
    built = getattr(keras.layers, layer)(units, **keywords)
    built.build((None, None, input_features))
    return int(built.count_params())


def check_counts(rnn_by_hand, rng, layer, configurations):
    for units, input_features, reset_after in configurations:
        shown = f", reset_after={reset_after}" if layer == "GRU" else ""
        what = f"recurrent_parameter_count({layer!r}, units={units}, input_features={input_features}{shown})"
        expected = keras_count(layer, units, input_features, reset_after)
        if layer == "GRU":
            got = rnn_by_hand.recurrent_parameter_count(layer, units, input_features, reset_after=reset_after)
        else:
            got = rnn_by_hand.recurrent_parameter_count(layer, units, input_features)
        expect(isinstance(got, int) and not isinstance(got, bool), f"{what} should return an int, got {type(got).__name__}")
        expect(got == expected, f"{what} should be {expected:,} (keras.layers.{layer}({units}{shown}).count_params() on "
                                f"{input_features} features), got {got:,}")


def random_sizes(rng, count=3):
    return [(int(rng.integers(1, 65)), int(rng.integers(1, 65))) for _ in range(count)]


@pytest.mark.points(1)
def test_parameter_count_simple_rnn(rnn_by_hand, rng):
    """recurrent_parameter_count("SimpleRNN", ...) equals a built SimpleRNN's count_params() on random sizes."""
    check_counts(rnn_by_hand, rng, "SimpleRNN", [(32, 32, True)] + [(u, f, True) for u, f in random_sizes(rng)])


@pytest.mark.points(1)
def test_parameter_count_lstm(rnn_by_hand, rng):
    """recurrent_parameter_count("LSTM", ...) equals a built LSTM's count_params(): four gates' worth of SimpleRNN weights."""
    check_counts(rnn_by_hand, rng, "LSTM", [(u, f, True) for u, f in random_sizes(rng)])


@pytest.mark.points(2)
def test_parameter_count_gru(rnn_by_hand, rng):
    """recurrent_parameter_count("GRU", ...) equals a built GRU's count_params() with reset_after=True and False."""
    sizes = random_sizes(rng, 4)
    check_counts(rnn_by_hand, rng, "GRU", [(u, f, i % 2 == 0) for i, (u, f) in enumerate(sizes)])


@pytest.mark.points(1)
def test_parameter_count_rejects_unknown_layers(rnn_by_hand, rng):
    """recurrent_parameter_count raises ValueError for a layer name other than SimpleRNN, LSTM or GRU."""
    units, input_features = (int(v) for v in rng.integers(1, 65, size=2))
    for name in ("Dense", "Conv1D"):
        what = f"recurrent_parameter_count({name!r}, units={units}, input_features={input_features})"
        try:
            got = rnn_by_hand.recurrent_parameter_count(name, units, input_features)
        except ValueError:
            continue
        raise GradingFailure(f"{what} should raise ValueError (only 'SimpleRNN', 'LSTM' and 'GRU' are known), it returned {got!r}")
