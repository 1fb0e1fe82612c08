"""Chapter 1 (tiny): arithmetic."""


def double(x):
    """Return 2 * x."""
    raise NotImplementedError("multiply by two")


def mean(values):
    """Return the arithmetic mean of a list of numbers."""
    raise NotImplementedError("sum divided by count")
