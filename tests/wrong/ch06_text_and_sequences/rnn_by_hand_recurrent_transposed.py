# Wrong: applies the recurrent kernel transposed (recurrent_kernel @ state, the book's np.dot(U, state_t) on a batch).
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    state = np.zeros((inputs.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(inputs.shape[1]):
        state = np.tanh(inputs[:, t, :] @ kernel + (recurrent_kernel @ state.T).T + bias)
        outputs.append(state)
    return np.stack(outputs, axis=1) if return_sequences else state
