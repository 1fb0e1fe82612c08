# Right, written differently (a blind tester, who saw only the sheet and the stubs).
"""Chapter 8, exercise 1: sampling the next token — softmax temperature.

Textbook: DLwP §8.1.3 "The importance of the sampling strategy": greedy versus stochastic
sampling, and listing 8.1 "Reweighting a probability distribution to a different
temperature". A low temperature makes the distribution sharper (more predictable text),
a high one flatter (more surprising, less coherent text).
"""

import numpy as np


def reweight_distribution(original_distribution, temperature=0.5):
    """Return the distribution reweighted to `temperature`: a float64 array of the same shape that sums to 1.

        reweighted = exp(log(p) / temperature), divided by its sum

    Temperature 1 gives p back; towards 0 all the mass goes to the most likely entry; a
    high temperature tends to the uniform distribution. Entries of p that are 0 stay 0.

    Args:
        original_distribution: 1-D probabilities (a list or an array, float32 from a model's
            softmax is fine): no negative entry, summing to 1 within 1e-3.
        temperature: a number > 0.

    Raises:
        ValueError: for a temperature <= 0, or a distribution with a negative entry or
            a sum more than 1e-3 away from 1 (the message says which and what it got).

    Example:
        >>> reweight_distribution([0.5, 0.3, 0.2], temperature=1.0)
        array([0.5, 0.3, 0.2])

    Textbook: DLwP listing 8.1.
    """
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature!r}")
    p = np.array(original_distribution, dtype=np.float64)
    if p.size and p.min() < 0:
        raise ValueError(f"probabilities must not be negative, got a minimum of {float(p.min())}")
    total = p.sum()
    if not abs(total - 1.0) <= 1e-3:
        raise ValueError(f"probabilities must sum to 1 (within 1e-3), got a sum of {float(total)}")
    # exp(log(p) / T) == p ** (1 / T); dividing by the largest entry first keeps the powers
    # from underflowing to all zeros at very low temperatures (the ratio is unchanged).
    scaled = (p / p.max()) ** (1.0 / float(temperature))
    return scaled / scaled.sum()


def sample(preds, temperature, rng):
    """Return an int: the index of one entry of `preds` drawn at random from the distribution reweighted to `temperature`.

    Draw with `rng` (a `np.random.Generator`) and nothing else, so that the same seed gives
    the same draws; do not take the argmax (that is greedy sampling, temperature -> 0).

    Args:
        preds: 1-D probabilities, e.g. a model's softmax output for one sample.
        temperature: a number > 0.
        rng: np.random.Generator, e.g. np.random.default_rng(0).

    Raises:
        ValueError: as reweight_distribution does.

    Example:
        >>> sample([0.0, 1.0, 0.0], 1.0, np.random.default_rng(0))
        1

    Textbook: DLwP listing 8.6 (the book draws with `np.random.multinomial(1, preds, 1)`).
    """
    weights = reweight_distribution(preds, temperature)
    return int(rng.choice(len(weights), p=weights))
