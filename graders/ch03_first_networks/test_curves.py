"""Graders for chapter 3, exercise 4: smoothing and plotting learning curves (DLwP §3.4.4, §3.6.4)."""

import numpy as np
import pytest

from kerakit.grading import FigureRecord, expect, expect_close, student_module

curves = student_module("curves")


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


BLUE = (0.0, 0.0, 1.0, 1.0)  # matplotlib's "b"


@pytest.mark.points(2)
@pytest.mark.parametrize("metric", ["loss", "accuracy"])
def test_plot_learning_curves(curves, rng, metric):
    """plot_learning_curves draws training (bo) and validation (b) curves against epochs 1..n, with a title, axis labels and a legend."""
    epochs = int(rng.integers(4, 20))
    history = {metric: list(rng.uniform(size=epochs)), f"val_{metric}": list(rng.uniform(size=epochs)),
               "other": list(rng.uniform(size=epochs))}
    what = f"plot_learning_curves(history, metric={metric!r})"
    figure = curves.plot_learning_curves(history, metric=metric)
    expect(isinstance(figure, FigureRecord), f"{what} should return a matplotlib Figure, got {type(figure).__name__}")
    expect(len(figure.axes) == 1, f"{what} should draw on one Axes, the figure has {len(figure.axes)}")
    axes = figure.axes[0]
    labels = [line.label for line in axes.lines]
    expect(len(axes.lines) == 2, f"{what} should draw exactly two lines (training and validation), got {len(axes.lines)}: {labels}")
    styles = {"Training": ("None", "o", "dots, 'bo'"), "Validation": ("-", "None", "a solid line, 'b'")}
    for name, series in (("Training", history[metric]), ("Validation", history[f"val_{metric}"])):
        matching = [line for line in axes.lines if len(line.y) == epochs and np.allclose(line.y, series)]
        expect(bool(matching), f"{what} should draw the {name.lower()} {metric} values; the figure has lines {labels}")
        line = matching[0]
        expect(np.allclose(line.x, np.arange(1, epochs + 1)), f"{what}: the {name.lower()} curve should use epochs 1..{epochs} on the x axis")
        expect(name.lower() in line.label.lower(), f"{what}: label the {name.lower()} curve (got {line.label!r})")
        linestyle, marker, shown = styles[name]
        expect((line.linestyle, line.marker) == (linestyle, marker) and line.color == BLUE,
               f"{what}: draw the {name.lower()} curve as {shown} (got linestyle {line.linestyle!r}, marker {line.marker!r}, colour {line.color})")
    expect(bool(axes.legend) and all(label in axes.legend for label in labels), f"{what} should show a legend naming both curves")
    expect(bool((axes.title or figure.suptitle).strip()), f"{what} should have a title")
    expect(bool(axes.xlabel.strip()), f"{what} should label the x axis (Epochs)")
    expect(bool(axes.ylabel.strip()), f"{what} should label the y axis ({metric})")
