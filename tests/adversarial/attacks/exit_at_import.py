"""The module ends the process as soon as it is imported."""
import os

os._exit(3)


def double(x):
    return 2 * x


def mean(values):
    return sum(values) / len(values)
