"""Wrong: on a tie, picks the LAST epoch with the lowest loss."""


def best_epoch(history, metric="val_loss"):
    losses = validation_losses(history, metric)
    return len(losses) - losses[::-1].index(min(losses))
