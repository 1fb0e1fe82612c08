"""double() fills the temporary folder with files of 4 MiB (each under the file-size cap) until something stops it."""
import os
import tempfile


def double(x):
    block = b"x" * (4 << 20)
    folder = tempfile.mkdtemp()
    for number in range(100):  # 400 MiB
        with open(os.path.join(folder, f"fill{number}"), "wb") as handle:
            handle.write(block)
    return 2 * x


def mean(values):
    return sum(values) / len(values)
