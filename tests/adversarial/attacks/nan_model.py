"""mean() produces NaN (as a diverging model would)."""


def double(x):
    return 2 * x


def mean(values):
    return float("inf") - float("inf")
