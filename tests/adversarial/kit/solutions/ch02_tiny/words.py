"""Chapter 2 (tiny): words."""


def count_words(sentence):
    """Return the number of words separated by spaces."""
    # BEGIN SOLUTION
    return len(sentence.split())
    # END SOLUTION
