"""double() kills its own process."""
import os
import signal


def double(x):
    os.kill(os.getpid(), signal.SIGKILL)


def mean(values):
    return sum(values) / len(values)
