# Wrong: forgets the activation: output_t = x_t @ kernel + state_t @ recurrent_kernel + bias.
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    state = np.zeros((inputs.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(inputs.shape[1]):
        state = inputs[:, t, :] @ kernel + state @ recurrent_kernel + bias
        outputs.append(state)
    return np.stack(outputs, axis=1) if return_sequences else state
