"""double() prints without end."""


def double(x):
    line = "flood " * 2000
    while True:
        print(line)


def mean(values):
    return sum(values) / len(values)
