"""Wrong: the "bigger" model ignores its units and is as small as the original."""


def build_bigger_model(input_dim=10000, units=512):
    return build_dense_classifier((16, 16), input_dim)
