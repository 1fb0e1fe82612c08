# Wrong: the GRU of the book's Keras 2 (reset_after=False): one bias vector whatever reset_after says.
def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    block = units * (input_features + units + 1)
    counts = {"SimpleRNN": block, "LSTM": 4 * block, "GRU": 3 * block}
    if layer not in counts:
        raise ValueError(f"unknown layer {layer}")
    return counts[layer]
