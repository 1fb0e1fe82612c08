"""Chapter 6, exercise 2: a recurrent layer by hand — SimpleRNN's forward pass in NumPy, and what recurrent layers weigh.

Textbook: DLwP §6.2 "Understanding recurrent neural networks": listing 6.21 "NumPy
implementation of a simple RNN", §6.2.1 "A recurrent layer in Keras" (SimpleRNN) and
§6.2.2 "Understanding the LSTM and GRU layers". The weights use Keras 3's own layout, so
a `keras.layers.SimpleRNN`'s `get_weights()` plugs straight into your function.
"""

import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    """Return SimpleRNN's outputs: (batch, units) for the last timestep, or (batch, timesteps, units) with return_sequences.

    For each timestep t, with the state starting at zeros (batch, units):
        output_t = tanh(x_t @ kernel + state_t @ recurrent_kernel + bias)
        state_{t+1} = output_t
    where x_t = inputs[:, t, :].

    This is the book's listing 6.21, `np.tanh(np.dot(W, input_t) + np.dot(U, state_t) + b)`,
    for a whole batch at once and in Keras's layout: the book's W is (units, input_features),
    Keras's kernel is its transpose (input_features, units), so W @ input_t becomes
    x_t @ kernel; U is recurrent_kernel (units, units), applied the same way.

    Args:
        inputs: float array (batch, timesteps, input_features).
        kernel: (input_features, units), recurrent_kernel: (units, units), bias: (units,):
            in the order keras.layers.SimpleRNN(units).get_weights() returns them.
        return_sequences: False: only the last output; True: every timestep's output.

    Example:
        >>> simple_rnn_forward(np.ones((1, 2, 1)), np.ones((1, 1)), np.ones((1, 1)), np.zeros(1)).round(4)
        array([[0.9427]])

    Textbook: DLwP §6.2, listing 6.21, and §6.2.1 (SimpleRNN's return_sequences).
    """
    # Hint: loop over the time axis; each step needs the previous step's output, and the batch rides along in every product.
    raise NotImplementedError("loop over the timesteps, carrying the state")


def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    """Return an int: the parameters of keras.layers.<layer>(units) on inputs with `input_features` features per step.

    layer is "SimpleRNN", "LSTM" or "GRU" (reset_after, GRU's argument of that name, only
    matters for "GRU").
      - SimpleRNN: a kernel (input_features, units), a recurrent kernel (units, units) and a
        bias (units,).
      - LSTM: the same three for each of its four parts (the input, forget and output gates
        and the candidate state).
      - GRU: the same three for each of its three parts (the update and reset gates and the
        candidate state), and with reset_after=True (Keras 3's default, the cuDNN-compatible
        form) a second bias vector for the recurrent part.

    Raises:
        ValueError: for any other layer name.

    Example:
        >>> recurrent_parameter_count("SimpleRNN", 32, 32)
        2080

    Textbook: DLwP §6.2.1 (SimpleRNN(32) has 2,080 parameters) and §6.2.2 (LSTM and GRU).
    """
    # Hint: count one SimpleRNN-sized block first; how many such blocks does each layer have, and what extra does GRU keep?
    raise NotImplementedError("count one block (input kernel, recurrent kernel, bias), then how many blocks each layer has")
