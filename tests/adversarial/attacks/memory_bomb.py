"""double() allocates until memory runs out."""


def double(x):
    hoard = []
    while True:
        hoard.append(bytearray(64 * 2**20))


def mean(values):
    return sum(values) / len(values)
