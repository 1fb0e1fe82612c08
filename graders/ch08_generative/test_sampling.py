"""Graders for chapter 8, exercise 1: reweighting a distribution to a temperature, and sampling from it (DLwP §8.1.3).

reweight_distribution is checked against exp(log(p) / T) on random distributions (zeros,
float32 and lists included) and for what temperature must do at its limits; sample is
drawn from many times with a fixed seed and its frequencies compared with the reweighted
distribution by a chi-square test, and must draw with the generator it is given.
"""

import numpy as np
import pytest

from kerakit.grading import expect, expect_array, expect_close, expect_value_error, student_module

sampling = student_module("sampling")

DRAWS = 6000
# Chi-square critical values at p = 0.001 for k - 1 degrees of freedom: a correct sampler fails 1 time in 1,000 per check.
CHI2_CRITICAL_0_001 = {3: 16.27, 4: 18.47, 5: 20.52, 6: 22.46, 7: 24.32}


def grader_reweight(p, temperature):
    p = np.asarray(p, dtype="float64")
    weights = np.zeros_like(p)
    positive = p > 0
    logits = np.log(p[positive]) / temperature
    weights[positive] = np.exp(logits - logits.max())
    return weights / weights.sum()


def entropy(p):
    p = np.asarray(p, dtype="float64")
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


def random_distribution(rng, size, zeros=0):
    p = rng.dirichlet(np.ones(size))
    if zeros:
        p[rng.choice(size, zeros, replace=False)] = 0.0
        p /= p.sum()
    return p


@pytest.mark.points(3)
def test_reweight_distribution(sampling, rng):
    """reweight_distribution equals exp(log(p) / T) renormalised on random distributions, float32 and list inputs, with zeros."""
    cases = [(random_distribution(rng, int(rng.integers(3, 12))), float(rng.uniform(0.2, 3.0))) for _ in range(4)]
    cases.append((random_distribution(rng, 8, zeros=2), 0.5))
    cases.append((random_distribution(rng, 6).astype("float32"), 1.7))  # what a model's softmax gives
    cases.append((random_distribution(rng, 5).tolist(), 0.8))
    for p, temperature in cases:
        kind = "a list" if isinstance(p, list) else f"{np.asarray(p).dtype} array"
        what = f"reweight_distribution(<{kind} of {len(p)} probabilities>, temperature={temperature:.3g})"
        result = expect_array(sampling.reweight_distribution(p, temperature), what, shape=(len(p),), kinds="f")
        expect_close(result, grader_reweight(p, temperature), what, rtol=1e-4, atol=1e-7)


@pytest.mark.points(2)
def test_temperature_limits(sampling, rng):
    """Temperature 1 gives p back, a low one puts the mass on the argmax, a high one tends to uniform, and entropy rises with T."""
    p = np.sort(random_distribution(rng, 7))[::-1].copy()
    p[0], p[1] = p[0] + 0.1, max(p[1] - 0.1, 0.01)  # a clear most likely entry
    p /= p.sum()
    rng.shuffle(p)
    expect_close(sampling.reweight_distribution(p, 1.0), p, "reweight_distribution(p, temperature=1)", rtol=1e-6, atol=1e-9)
    cold = np.asarray(sampling.reweight_distribution(p, 0.05), dtype="float64")
    expect(cold[np.argmax(p)] > 0.99, f"reweight_distribution(p, temperature=0.05) should put almost all the mass on p's most likely "
                                      f"entry {int(np.argmax(p))}, got {cold.round(3).tolist()}")
    hot = np.asarray(sampling.reweight_distribution(p, 100.0), dtype="float64")
    expect(np.abs(hot - 1 / len(p)).max() < 0.01, f"reweight_distribution(p, temperature=100) should be nearly uniform "
                                                  f"({1 / len(p):.3f} each), got {hot.round(3).tolist()}")
    temperatures = (0.25, 0.5, 1.0, 2.0, 4.0)
    entropies = [entropy(sampling.reweight_distribution(p, t)) for t in temperatures]
    expect(all(a < b for a, b in zip(entropies, entropies[1:])),
           f"the entropy of reweight_distribution(p, T) should rise with T {temperatures}, got {np.round(entropies, 3).tolist()}")


@pytest.mark.points(1)
def test_reweight_refuses_bad_input(sampling):
    """reweight_distribution raises a one-line ValueError for a temperature <= 0, a sum that is not 1 and a negative entry."""
    p = [0.5, 0.3, 0.2]
    for arguments, why in (((p, 0.0), "temperature=0"), ((p, -1.0), "temperature=-1"),
                           (([0.5, 0.4, 0.3], 1.0), "probabilities summing to 1.2"),
                           (([0.7, 0.5, -0.2], 1.0), "a negative probability")):
        expect_value_error(sampling.reweight_distribution, *arguments, what=f"reweight_distribution with {why}")


def chi_square(counts, probabilities):
    expected = probabilities * counts.sum()
    keep = expected > 0
    return float((((counts - expected) ** 2)[keep] / expected[keep]).sum()), int(counts[~keep].sum())


@pytest.mark.points(3)
def test_sample_frequencies(sampling, rng):
    """Over many draws with a fixed seed, sample's frequencies match the reweighted distribution (chi-square, p = 0.001)."""
    for size, temperature in ((5, 0.7), (int(rng.integers(3, 8)), 1.6)):
        p = random_distribution(rng, size)
        p = np.maximum(p, 0.05)
        p /= p.sum()
        generator = np.random.default_rng(int(rng.integers(1 << 30)))
        what = f"sample(p of {size}, temperature={temperature}, rng)"
        draws = [sampling.sample(p, temperature, generator) for _ in range(DRAWS)]
        bad = [d for d in draws if not isinstance(d, (int, np.integer)) or isinstance(d, bool) or not 0 <= d < size]
        expect(not bad, f"{what} should return an int index from 0 to {size - 1}, got {bad[0]!r}" if bad else "")
        counts = np.bincount(np.asarray(draws, dtype=int), minlength=size)
        expected = grader_reweight(p, temperature)
        statistic, impossible = chi_square(counts, expected)
        frequencies = (counts / DRAWS).round(3).tolist()
        expect(counts.max() < DRAWS, f"{what} returned index {int(np.argmax(counts))} every time: that is greedy (argmax), not sampling")
        expect(statistic < CHI2_CRITICAL_0_001[size], f"{what}: the frequencies of {DRAWS} draws {frequencies} do not match the "
                                                      f"reweighted distribution {expected.round(3).tolist()} (chi-square {statistic:.1f})")


@pytest.mark.points(1)
def test_sample_draws_with_the_given_generator(sampling, rng):
    """sample draws with the rng it is given: the same seed gives the same draws, another seed other draws."""
    p = random_distribution(rng, 6)
    p = np.maximum(p, 0.08)
    p /= p.sum()

    def draws(seed):
        generator = np.random.default_rng(seed)
        return [sampling.sample(p, 1.0, generator) for _ in range(40)]

    first, again, other = draws(7), draws(7), draws(8)
    expect(first == again, "sample(p, 1.0, rng) gave other draws for the same seed: draw with the rng argument, not np.random")
    expect(first != other, "sample(p, 1.0, rng) gave the same 40 draws for seeds 7 and 8: draw with the rng argument")
