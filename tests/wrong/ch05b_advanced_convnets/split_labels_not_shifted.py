# Wrong: keeps the target task's original labels 5-9 instead of shifting them to 0-4.
import numpy as np


def split_base_and_target(images, labels, base_classes=5):
    images, labels = np.asarray(images), np.asarray(labels)
    keep = labels < base_classes
    return (images[keep], labels[keep]), (images[~keep], labels[~keep])
