"""double() deletes files of the kit's solutions/ and chapters/ through directory descriptors."""
import os


def double(x):
    for folder in ("@KIT@/solutions/ch01_tiny", "@KIT@/chapters/ch01_tiny"):
        root = os.open("/", os.O_RDONLY)
        fd = os.open(folder.lstrip("/"), os.O_RDONLY, dir_fd=root)
        os.unlink("text.py", dir_fd=fd)
    return 2 * x


def mean(values):
    return sum(values) / len(values)
