"""Wrong: weight_regularizer always uses 0.001, whatever factor it is given."""
from keras import regularizers


def weight_regularizer(kind, factor=0.001):
    if kind == "l1":
        return regularizers.l1(0.001)
    if kind == "l2":
        return regularizers.l2(0.001)
    if kind == "l1_l2":
        return regularizers.l1_l2(l1=0.001, l2=0.001)
    raise ValueError(f"unknown regulariser kind {kind!r}")
