# Wrong: counts the LSTM's three gates and forgets the candidate state (3 blocks instead of 4).
def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    block = units * (input_features + units + 1)
    counts = {"SimpleRNN": block, "LSTM": 3 * block, "GRU": 3 * block + (3 * units if reset_after else 0)}
    if layer not in counts:
        raise ValueError(f"unknown layer {layer}")
    return counts[layer]
