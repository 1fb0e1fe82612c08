# Wrong: sorts the caller's arrays in place by label (the order of the samples changes, and so does the input).
import numpy as np


def split_base_and_target(images, labels, base_classes=5):
    order = np.argsort(labels, kind="stable")
    images[...] = images[order]
    labels[...] = labels[order]
    cut = int(np.sum(labels < base_classes))
    return (images[:cut], labels[:cut]), (images[cut:], labels[cut:] - base_classes)
