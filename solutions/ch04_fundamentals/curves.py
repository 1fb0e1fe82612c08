"""Chapter 4, exercise 4: reading learning curves to choose how long to train.

A History (what `model.fit` returns) holds one value per epoch for each metric: its
`history` attribute is a dict such as {"loss": [...], "val_loss": [...]}. Epochs are
counted from 1, as Keras prints them and as the book plots them.

Textbook: DLwP §4.4 and §3.4.4 ("the validation loss peaks at the fourth epoch ... train
a new network from scratch for four epochs"); seed 000 §1.1.4 and §2.1.
"""


def validation_losses(history, metric="val_loss"):
    """Return the per-epoch values of `metric` as a list of floats, from a Keras History or its dict.

    Args:
        history: a keras.callbacks.History, or the dict `model.fit(...).history`.
        metric: the key to read, "val_loss" unless told otherwise.

    Raises:
        KeyError: the history has no such metric (e.g. fit was called without validation data).
    """
    # Hint: a History keeps its dict in `.history`; a dict is already what you need.
    # BEGIN SOLUTION: take history.history when it has one, then the list under `metric`
    values = getattr(history, "history", history)
    return [float(value) for value in values[metric]]
    # END SOLUTION


def best_epoch(history, metric="val_loss"):
    """Return the 1-based epoch with the lowest `metric` (the first such epoch on a tie).

    Example:
        >>> best_epoch({"val_loss": [0.5, 0.4, 0.45]})
        2

    Textbook: DLwP §3.4.4 and §4.4 (the best epoch is where validation loss is lowest).
    """
    # Hint: the index of the minimum is 0-based; epochs are 1-based.
    # BEGIN SOLUTION: find where the smallest loss is, then turn that index into an epoch number
    losses = validation_losses(history, metric)
    return losses.index(min(losses)) + 1
    # END SOLUTION


def overfitting_start(history, patience=2, metric="val_loss"):
    """Return the 1-based epoch after which overfitting starts, judged as training goes, with `patience`.

    Read the validation losses in order, as a callback would during training. An epoch
    *improves* when its loss is strictly lower than every earlier one. The first time
    `patience` epochs in a row fail to improve, overfitting has started: return the
    last epoch that improved. If that never happens, return the best epoch overall.
    This is the epoch that `keras.callbacks.EarlyStopping(monitor=metric, patience=patience)`
    stops after and, with `restore_best_weights=True`, goes back to.

    Unlike `best_epoch`, it never looks into the future: a late dip after the model has
    already got worse for `patience` epochs does not count.

    Example:
        >>> overfitting_start({"val_loss": [0.6, 0.5, 0.52, 0.53, 0.4]}, patience=2)
        2

    Textbook: DLwP §4.4 (the point where validation loss stops improving) and §7.2.1 (EarlyStopping).
    """
    # Hint: keep the best loss so far, its epoch, and how many epochs since it improved.
    # BEGIN SOLUTION: one pass, counting epochs without a strict improvement; stop at `patience`
    losses = validation_losses(history, metric)
    best_loss, best, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best_loss:
            best_loss, best, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return best
    return best
    # END SOLUTION


def retrain_for(build_model, x_train, y_train, epochs, batch_size=512):
    """Return a NEW model from `build_model()` trained on all of (x_train, y_train) for `epochs` epochs.

    Once the curves have told you how many epochs to train, train a fresh model (not the
    one that already overfitted) on all the training data, the validation part included,
    for exactly that many epochs, without validation data.

    Args:
        build_model: a function with no arguments returning a compiled model.
        x_train, y_train: all the training data.
        epochs: how many epochs, e.g. best_epoch(history).
        batch_size: the batch size.

    Textbook: DLwP §3.4.4 listing 3.11 ("retraining a model from scratch"); §4.5.7.
    """
    # BEGIN SOLUTION: call build_model(), fit it for `epochs` on all the data, return it
    model = build_model()
    model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    return model
    # END SOLUTION
