"""Wrong: the last batch is padded back to a full batch with samples from the batch before it."""


def batch(x, n, batch_size):
    start = min(batch_size * n, len(x) - batch_size)
    return x[start : start + batch_size]
