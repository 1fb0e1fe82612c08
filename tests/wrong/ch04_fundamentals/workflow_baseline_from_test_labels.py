"""Wrong: the majority class is taken from the test labels (the baseline peeks at the answers)."""
import numpy as np


def majority_class_accuracy(train_labels, test_labels):
    test_labels = np.asarray(test_labels, dtype=int)
    return float(np.mean(test_labels == np.argmax(np.bincount(test_labels))))
