"""Wrong: moves w with the past velocity instead of the freshly updated one."""


def momentum_step(w, velocity, gradient, learning_rate, momentum):
    new_velocity = momentum * velocity - learning_rate * gradient
    new_w = w + momentum * velocity - learning_rate * gradient
    return new_w, new_velocity
