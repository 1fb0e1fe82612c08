# Wrong: stacks the outputs on axis 0, (timesteps, batch, units), where Keras returns (batch, timesteps, units).
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    state = np.zeros((inputs.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(inputs.shape[1]):
        state = np.tanh(inputs[:, t, :] @ kernel + state @ recurrent_kernel + bias)
        outputs.append(state)
    return np.stack(outputs) if return_sequences else state
