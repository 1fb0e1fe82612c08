"""Keep a grading process's resident memory low: fewer malloc arenas, freed memory handed back.

TensorFlow alone keeps ~680 MB resident; the goal is a whole chapter under 1 GB (a class is
graded on boxes of 768 MB-2 GB). glibc gives every thread its own malloc arena and keeps
freed memory in them; two arenas and a trim after a big test return most of it.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys

_M_ARENA_MAX = -8  # glibc's mallopt parameter number
MALLOC_ARENAS = 2


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Return True after asking glibc to use at most `arenas` malloc arenas (call before TensorFlow starts its threads)."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, arenas))


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the operating system."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def resident_bytes() -> int:
    """Return this process's resident memory in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
