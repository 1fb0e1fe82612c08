# Right, written differently: the book's listing 6.21 per sample with W = kernel.T and U = recurrent_kernel.T (the
# orientation the docstring explains), float32 throughout, outputs as a tensor via keras.ops; the counts from a table
# of "how many SimpleRNN-sized blocks" with NumPy integers, and a KeyError turned into ValueError.
import keras
import numpy as np


def simple_rnn_forward(inputs, kernel, recurrent_kernel, bias, return_sequences=False):
    W, U, b = np.asarray(kernel, np.float32).T, np.asarray(recurrent_kernel, np.float32).T, np.asarray(bias, np.float32)
    everything = []
    for sample in np.asarray(inputs, np.float32):
        state_t = np.zeros((W.shape[0],), dtype=np.float32)
        successive_outputs = []
        for input_t in sample:
            output_t = np.tanh(np.dot(W, input_t) + np.dot(U, state_t) + b)
            successive_outputs.append(output_t)
            state_t = output_t
        everything.append(np.stack(successive_outputs, axis=0))
    outputs = keras.ops.convert_to_tensor(np.stack(everything))
    return outputs if return_sequences else outputs[:, -1, :]


BLOCKS = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}


def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    try:
        blocks = BLOCKS[layer]
    except KeyError:
        raise ValueError(f"{layer} is not one of {sorted(BLOCKS)}") from None
    count = np.int64(blocks) * (np.int64(input_features) * units + units * units + units)
    if layer == "GRU" and reset_after:
        count += 3 * units
    return count
