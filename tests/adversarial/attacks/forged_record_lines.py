"""double() writes garbage, a start for a test the graders do not have and repeated starts into every pipe it holds."""
import os
import stat

LINES = [b"not json at all\n", b'{"type": "start", "name": "ch09_unknown/none::test_nothing"}\n',
         b'{"type": "start", "name": "ch01_tiny/text::test_shout"}\n' * 50, b'{"type": 12}\n', b"[1, 2, 3]\n"]


def double(x):
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                for line in LINES:
                    os.write(fd, line)
        except OSError:
            continue
    return 2 * x


def mean(values):
    return sum(values) / len(values)
