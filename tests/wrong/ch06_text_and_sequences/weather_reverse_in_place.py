# Wrong: reverses the caller's array in place (and returns it).


def reverse_time(samples):
    samples[:] = samples[:, ::-1].copy()
    return samples
