"""Chapter 1 (tiny): arithmetic."""


def double(x):
    """Return 2 * x."""
    # BEGIN SOLUTION
    return 2 * x
    # END SOLUTION


def mean(values):
    """Return the arithmetic mean of a list of numbers."""
    # BEGIN SOLUTION
    return sum(values) / len(values)
    # END SOLUTION
