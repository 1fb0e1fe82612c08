# Wrong: copies the book's np.dot(W, input_t) with Keras's kernel as W, i.e. the kernels transposed (and per sample).
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    results = []
    for sample in inputs:
        state_t = np.zeros(recurrent_kernel.shape[0])
        outputs = []
        for input_t in sample:
            output_t = np.tanh(np.dot(kernel, input_t) + np.dot(recurrent_kernel, state_t) + bias)
            outputs.append(output_t)
            state_t = output_t
        results.append(np.stack(outputs) if return_sequences else outputs[-1])
    return np.stack(results)
