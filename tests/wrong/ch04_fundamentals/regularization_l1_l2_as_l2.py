"""Wrong: "l1_l2" gives only the L2 part."""
from keras import regularizers


def weight_regularizer(kind, factor=0.001):
    if kind == "l1":
        return regularizers.l1(factor)
    if kind in ("l2", "l1_l2"):
        return regularizers.l2(factor)
    raise ValueError(f"unknown regulariser kind {kind!r}")
