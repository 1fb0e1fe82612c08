"""Wrong: computes the gradients but returns the weights untouched."""


def sgd_step(W, b, x, y, learning_rate):
    _, dW, db = loss_and_gradients(W, b, x, y)  # noqa: F821 (the reference's, in the module this is appended to)
    return W, b
