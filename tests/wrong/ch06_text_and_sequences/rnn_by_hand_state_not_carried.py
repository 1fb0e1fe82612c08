# Wrong: computes each output from a state that stays at zeros (the new state is never stored).
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    state_t = np.zeros((inputs.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(inputs.shape[1]):
        output_t = np.tanh(inputs[:, t, :] @ kernel + state_t @ recurrent_kernel + bias)
        outputs.append(output_t)
    return np.stack(outputs, axis=1) if return_sequences else outputs[-1]
