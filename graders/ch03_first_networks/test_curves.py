"""Graders for chapter 3, exercise 4: smoothing and plotting learning curves (DLwP §3.4.4, §3.6.4)."""

import numpy as np
import pytest

from kerakit.grading import GradingFailure, expect, expect_close, student_module

curves = student_module("ch03_first_networks", "curves")


def moving_average(points, factor):
    """Return the grader's exponential moving average of `points`."""
    smoothed = []
    for point in points:
        smoothed.append(point if not smoothed else smoothed[-1] * factor + point * (1 - factor))
    return np.array(smoothed)


@pytest.mark.points(2)
def test_smooth_curve(curves, rng):
    """smooth_curve is the exponential moving average of the book, for any factor."""
    for factor in (0.8, float(rng.uniform(0.1, 0.95))):
        points = list(rng.normal(size=int(rng.integers(5, 40))).cumsum())
        what = f"smooth_curve(<{len(points)} points>, factor={factor:.3f})"
        expect_close(np.asarray(curves.smooth_curve(points, factor=factor), dtype=float), moving_average(points, factor), what)
    points = list(rng.uniform(size=10))
    expect_close(np.asarray(curves.smooth_curve(points), dtype=float), moving_average(points, 0.8), "smooth_curve(points) with the default factor")


@pytest.mark.points(2)
@pytest.mark.parametrize("metric", ["loss", "accuracy"])
def test_plot_learning_curves(curves, rng, metric):
    """plot_learning_curves draws training and validation curves against epochs 1..n."""
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    epochs = int(rng.integers(4, 20))
    history = {metric: list(rng.uniform(size=epochs)), f"val_{metric}": list(rng.uniform(size=epochs)),
               "other": list(rng.uniform(size=epochs))}
    what = f"plot_learning_curves(history, metric={metric!r})"
    figure = curves.plot_learning_curves(history, metric=metric)
    try:
        expect(isinstance(figure, Figure), f"{what} should return a matplotlib Figure, got {type(figure).__name__}")
        lines = [line for axes in figure.axes for line in axes.get_lines()]
        labels = [line.get_label() for line in lines]
        for name, series in (("Training", history[metric]), ("Validation", history[f"val_{metric}"])):
            matching = [line for line in lines if np.allclose(np.asarray(line.get_ydata(), dtype=float), series)]
            expect(bool(matching), f"{what} should draw the {name.lower()} {metric} values; the figure has lines {labels}")
            expect(np.allclose(np.asarray(matching[0].get_xdata(), dtype=float), np.arange(1, epochs + 1)),
                   f"{what}: the {name.lower()} curve should use epochs 1..{epochs} on the x axis")
            expect(name.lower() in matching[0].get_label().lower(), f"{what}: label the {name.lower()} curve (got {matching[0].get_label()!r})")
        expect(any(axes.get_legend() is not None for axes in figure.axes), f"{what} should show a legend")
        expect(any(axes.get_xlabel() for axes in figure.axes), f"{what} should label the x axis (Epochs)")
    finally:
        if isinstance(figure, Figure):
            plt.close(figure)
