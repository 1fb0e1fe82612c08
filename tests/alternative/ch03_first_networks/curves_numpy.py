# Correct answers written differently: a NumPy loop and the object-oriented figure API.
import numpy as np


def smooth_curve(points, factor=0.8):
    smoothed = np.array(points, dtype=float)
    for i in range(1, len(smoothed)):
        smoothed[i] = smoothed[i - 1] * factor + smoothed[i] * (1 - factor)
    return smoothed


def plot_learning_curves(history, metric="loss"):
    from matplotlib.figure import Figure

    figure = Figure()
    axes = figure.add_subplot()
    epochs = np.arange(1, len(history[metric]) + 1)
    axes.plot(epochs, history["val_" + metric], "b-", label="validation")
    axes.plot(epochs, history[metric], "bo", label="training")
    axes.set_xlabel("epoch")
    axes.set_ylabel(metric)
    figure.suptitle(f"{metric} per epoch")  # a figure title instead of an axes title
    axes.legend()
    return figure
