"""double() never returns (pytest-timeout stops it); mean() never returns and ignores the alarm (the parent kills it)."""
import signal


def double(x):
    while True:
        pass


def mean(values):
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    while True:
        pass
