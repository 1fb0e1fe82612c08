# Wrong: smooth_curve returns the points unchanged, and the plot shows only the training curve.
def smooth_curve(points, factor=0.8):
    return list(points)


def plot_learning_curves(history, metric="loss"):
    figure, axes = plt.subplots()
    axes.plot(range(1, len(history[metric]) + 1), history[metric], "bo", label="Training " + metric)
    axes.legend()
    return figure
