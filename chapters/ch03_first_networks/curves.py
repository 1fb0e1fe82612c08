"""Chapter 3, exercise 4: reading training with learning curves.

Textbook: DLwP §3.4.4 (plots of training and validation loss), §3.6.4 (smooth_curve);
seed 000 §2.1 (绘制学习曲线) and its smooth_curve note.
"""

import matplotlib

matplotlib.use("Agg")  # draw into files, without a screen
import matplotlib.pyplot as plt


def smooth_curve(points, factor=0.8):
    """Return the exponential moving average of `points` as a list of floats.

    The first value is kept; each next one is `previous * factor + point * (1 - factor)`,
    where `previous` is the last SMOOTHED value.

    Textbook: DLwP §3.6.4 (listing 3.30); seed 000 §2.1 注 2.
    """
    raise NotImplementedError("walk through the points, remembering the last smoothed value")


def plot_learning_curves(history, metric="loss"):
    """Return a matplotlib Figure with the training and validation curves of `metric`.

    Args:
        history: the `history` dict of a Keras History (`model.fit(...).history`),
            holding per-epoch lists under `metric` and `"val_" + metric`.
        metric: "loss", "accuracy", "mae", ...

    The figure has one Axes with two lines, x = epochs 1..n: "Training <metric>" (dots, 'bo')
    and "Validation <metric>" (a solid line, 'b'), a title, axis labels and a legend.

    Textbook: DLwP §3.4.4 listings 3.9-3.10; seed 000 §2.1 (绘制学习曲线).
    """
    # Hint: use fig, ax = plt.subplots() and draw on ax, rather than plt.plot on a global figure.
    raise NotImplementedError("two ax.plot calls with labels, then title, xlabel, ylabel and legend")
