"""Wrong: overfitting_start looks at the whole curve (the global minimum), which no callback can see during training."""


def overfitting_start(history, patience=2, metric="val_loss"):
    return best_epoch(history, metric)
