# Wrong: the closure forgets its weight (and uses a sum instead of a mean).
from keras import ops


def activation_penalty(weight):
    def loss(y_true, y_pred):
        return ops.sum(ops.square(y_pred), axis=-1)
    return loss
