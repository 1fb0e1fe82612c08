# Wrong: the seed's square(y_pred - y_true) copied into the penalty, which must ignore y_true.
from keras import ops


def activation_penalty(weight):
    def loss(y_true, y_pred):
        return weight * ops.mean(ops.square(y_pred - y_true), axis=-1)
    return loss
