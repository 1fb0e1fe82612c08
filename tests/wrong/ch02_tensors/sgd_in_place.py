"""Wrong: the book's `W -= learning_rate * gradient` on the caller's arrays changes them in place."""


def sgd_step(W, b, x, y, learning_rate):
    _, dW, db = loss_and_gradients(W, b, x, y)  # noqa: F821 (the reference's, in the module this is appended to)
    W -= learning_rate * dW
    b -= learning_rate * db
    return W, b
