"""double() calls sys.exit."""
import sys


def double(x):
    sys.exit(0)


def mean(values):
    return sum(values) / len(values)
