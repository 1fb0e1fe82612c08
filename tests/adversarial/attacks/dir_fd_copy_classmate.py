"""Copies a classmate's answer out of SUBMISSIONS through a directory descriptor, at import."""
import os

_root = os.open("/", os.O_RDONLY)
_fd = os.open("@SUBMISSIONS@/@OTHER@/ch01_tiny/arith.py".lstrip("/"), os.O_RDONLY, dir_fd=_root)
exec(os.read(_fd, 65536).decode())
