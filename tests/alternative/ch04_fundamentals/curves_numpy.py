"""Correct, written differently: NumPy argmin, and the patience rule as a running minimum."""
import numpy as np


def validation_losses(history, metric="val_loss"):
    if hasattr(history, "history"):
        history = history.history
    return list(map(float, history[metric]))


def best_epoch(history, metric="val_loss"):
    return int(np.argmin(validation_losses(history, metric))) + 1


def overfitting_start(history, patience=2, metric="val_loss"):
    losses = np.asarray(validation_losses(history, metric))
    running_best = np.minimum.accumulate(losses)
    improved = np.concatenate([[True], losses[1:] < running_best[:-1]])
    last_improvement = 0
    for epoch in range(len(losses)):
        if improved[epoch]:
            last_improvement = epoch
        elif epoch - last_improvement >= patience:
            return last_improvement + 1
    return int(np.argmin(losses)) + 1


def retrain_for(build_model, x_train, y_train, epochs, batch_size=512):
    fresh = build_model()
    fresh.fit(x=x_train, y=y_train, batch_size=batch_size, epochs=epochs, verbose=0, shuffle=True)
    return fresh
