"""The limits one submission is graded under."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SLOT_UID_BASE = 60100  # when grading as root, worker slot N runs student code as uid/gid 60100 + N


@dataclass(frozen=True)
class Limits:
    """Wall-clock, memory, CPU, process and output limits for one submission.

    Args:
        timeout: wall-clock seconds for the whole submission (all its tests).
        test_timeout: default wall-clock seconds per test (a grader's own
            `@pytest.mark.timeout` keeps its value).
        memory_mb: address-space limit of the student's process (RLIMIT_AS), in MiB.
        cpu_seconds: CPU time of the student's process (RLIMIT_CPU), all threads together.
        max_procs: processes and threads the student's uid may hold (RLIMIT_NPROC).
        output_mb: largest file the student's process may write (RLIMIT_FSIZE), which
            caps captured output.
        network: False cuts the network (own network namespace where allowed, and an
            in-process guard everywhere).
        disk_mb: everything the submission may write, its workspace and temporary files
            together (a tmpfs of that size in its jail).
    """

    timeout: float = 900.0
    test_timeout: float = 120.0
    memory_mb: int = 8192
    cpu_seconds: int = 1800
    max_procs: int = 512
    output_mb: int = 64
    network: bool = False
    disk_mb: int = 256

    def to_dict(self) -> dict:
        """Return the limits as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Limits":
        """Return Limits from `to_dict()`'s output."""
        return cls(**{key: value for key, value in data.items() if key in cls.__dataclass_fields__})
