# Wrong: returns 0 for a layer it does not know instead of raising ValueError.
def recurrent_parameter_count(layer, units, input_features, reset_after=True):
    block = units * (input_features + units + 1)
    gru = 3 * block + (3 * units if reset_after else 0)
    return {"SimpleRNN": block, "LSTM": 4 * block, "GRU": gru}.get(layer, 0)
