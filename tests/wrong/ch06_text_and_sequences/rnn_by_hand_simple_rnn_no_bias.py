# Wrong: forgets the bias vectors: units * (input_features + units) per block.
def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    block = units * (input_features + units)
    if layer == "SimpleRNN":
        return block
    if layer == "LSTM":
        return 4 * block
    if layer == "GRU":
        return 3 * block
    raise ValueError(f"unknown layer {layer}")
