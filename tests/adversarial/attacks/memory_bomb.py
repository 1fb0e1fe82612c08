"""double() allocates until memory runs out."""


def double(x):
    hoard = []
    while True:
        hoard.append(bytes(256 * 2**20))


def mean(values):
    return sum(values) / len(values)
