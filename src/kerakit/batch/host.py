"""Start the student host of sealed grading: the only process of a job that runs student code.

`start_student_host` forks it from the grading child before any test (and before
TensorFlow's runtime starts, so the fork is safe). The host keeps nothing of the
child but two pipe ends: it closes the record pipe and every other descriptor, enters
the sandbox and jail (sealed at once: the graders are never in its view), installs
the in-process guard, reports what was applied, and answers the graders' requests
(`kerakit.grading.sealed.serve`) until the child closes the channel.
"""

from __future__ import annotations

import os
import resource
from dataclasses import asdict, dataclass
from pathlib import Path

from kerakit.grading import wire
from kerakit.grading.sealed import RemoteImplementation, read_frame, write_frame

HOST_START_SECONDS = 120.0


@dataclass
class StudentHost:
    """The grading child's handle on its student host."""

    pid: int
    uid: int | None
    implementation: RemoteImplementation
    sandbox: dict

    def stop(self) -> None:
        """Kill the host and everything it started."""
        from kerakit.batch.sandbox import kill_submission

        kill_submission(self.pid, self.uid)


def start_student_host(job: dict, workspace: Path, plan, threads: int | None) -> StudentHost:
    """Fork the student host for `workspace`; return the handle once it reports its sandbox.

    Raises:
        RuntimeError: the host ended or stayed silent before it was ready.
    """
    from kerakit.batch.limits import Limits

    request_read, request_write = os.pipe()
    answer_read, answer_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            _host_main(job, Limits.from_dict(job["limits"]), workspace, plan, threads, request_read, answer_write)
        except BaseException:  # noqa: BLE001 - the host must end with os._exit
            import traceback

            traceback.print_exc()
        os._exit(code)
    os.close(request_read)
    os.close(answer_write)
    frame = read_frame(answer_read, limit=1 << 20, deadline=_deadline())
    if frame is None:
        raise RuntimeError("the student's process ended before it was ready")
    sandbox = wire.decode(frame)
    host = StudentHost(pid, job.get("uid"), None, sandbox if type(sandbox) is dict else {})  # type: ignore[arg-type]
    host.implementation = RemoteImplementation(request_write, answer_read, workspace, str(workspace),
                                               on_lost=lambda why: host.stop())
    return host


def _deadline() -> float:
    import time

    return time.monotonic() + HOST_START_SECONDS


def _host_main(job: dict, limits, workspace: Path, plan, threads: int | None, request_fd: int, answer_fd: int) -> None:
    from kerakit.batch.child import _set_threads
    from kerakit.batch.sandbox import AuditGuard, enter_sandbox
    from kerakit.grading.loader import Implementation
    from kerakit.grading.sealed import serve

    keep = sorted({0, 1, 2, request_fd, answer_fd})
    for low, high in zip(keep, [*keep[1:], resource.getrlimit(resource.RLIMIT_NOFILE)[0]]):
        os.closerange(low + 1, high)  # the record pipe and the zygote's channel stay with the grading child
    report, jail = enter_sandbox(limits, workspace, job.get("uid"), plan)
    if jail is not None:
        jail.seal()  # nothing to collect here: drop the uid and capabilities before any student code
    _set_threads(threads)
    AuditGuard(workspace, [Path(p) for p in job["protected"]] + [Path(job["graders_root"])]).install()
    write_frame(answer_fd, wire.encode({k: v for k, v in asdict(report).items()}))
    serve(request_fd, answer_fd, Implementation(workspace, label=str(workspace)), workspace / ".tmp" / "grader-paths")
