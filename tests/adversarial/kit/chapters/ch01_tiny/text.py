"""Chapter 1 (tiny): text."""


def shout(word):
    """Return the word in capitals with an exclamation mark."""
    raise NotImplementedError("upper() and a '!'")
