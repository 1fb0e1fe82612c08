"""Limits and guards for the student's process, and how to stop it.

Two layers (the README's "what is enforced where" table lists them):

- operating system, applied right after the fork: resource limits (memory, CPU,
  processes, file size), own session, death with its parent, and when running as
  root its own network namespace and its own uid per worker slot;
- in-process, everywhere: an audit hook (PEP 578) that refuses network access,
  new processes, writes outside the workspace and reads of protected folders.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kerakit.batch.jail import Jail, JailPlan, JailUnavailable, enter_jail
from kerakit.batch.limits import Limits

CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1

NETWORK_EVENTS = {"socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg"}
PROCESS_EVENTS = {"os.fork", "os.forkpty", "os.exec", "os.posix_spawn", "os.spawn", "os.system",
                  "subprocess.Popen", "pty.spawn"}
PATH_WRITE_EVENTS = {"os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,),
                     "os.truncate": (0,), "os.utime": (0,), "os.rename": (0, 1), "os.link": (0, 1),
                     "os.symlink": (1,), "shutil.rmtree": (0,), "os.chflags": (0,), "os.lchflags": (0,)}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

NETWORK_REFUSED = "network access is not allowed while grading"
PROCESS_REFUSED = "starting or signalling other processes is not allowed while grading"


@dataclass
class SandboxReport:
    """Which operating-system protections were applied in the student's process."""

    uid: int | None = None
    network_namespace: bool = False
    limits: list[str] = field(default_factory=list)
    view: bool = False  # its own mount and PID namespaces, seeing only its workspace and the runtime (jail.py)
    disk_mb: int | None = None  # what the workspace's tmpfs holds at most
    missing: str = ""  # one line: what could not be had on this machine


def enter_sandbox(limits: Limits, workspace: Path, uid: int | None, plan: JailPlan | None = None
                  ) -> tuple[SandboxReport, Jail | None]:
    """Apply the operating-system layer in the current (freshly forked) process; return what was applied, and the jail.

    Args:
        limits: the submission's limits.
        workspace: the only folder the process may write to; becomes its working directory and HOME.
        uid: run as this uid/gid (only when the process is root), or None. In a jail the switch
            happens at `Jail.seal()`, once the graders are collected.
        plan: the jail to build (None: no mount or PID namespace).
    """
    report = SandboxReport()
    os.setsid()  # its own process group: the parent kills the whole group on a timeout
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    home = workspace / ".home"
    tmp = workspace / ".tmp"
    for folder in (home, tmp):
        folder.mkdir(exist_ok=True)
    jail = None
    if plan is not None:
        plan.cut_network = not limits.network
        try:
            jail = enter_jail(plan)  # from here on: process 2 of its own PID namespace, in its view
            report.view, report.network_namespace = True, plan.cut_network
            report.disk_mb = plan.disk_mb
        except (JailUnavailable, OSError) as error:
            report.missing = f"no jail ({error}): student code sees the whole filesystem, guarded in-process only"
    if jail is None and not limits.network and _unshare(CLONE_NEWNET):
        report.network_namespace = True
    switching_uid = uid is not None and os.geteuid() == 0
    caps = {
        "RLIMIT_AS": limits.memory_mb * 2**20,
        "RLIMIT_CPU": int(limits.cpu_seconds),
        "RLIMIT_FSIZE": limits.output_mb * 2**20,
        # RLIMIT_NPROC counts every process and thread of the uid: under the grading user's own
        # uid, allow what it already runs plus the cap.
        "RLIMIT_NPROC": limits.max_procs if switching_uid else limits.max_procs + threads_of_uid(os.getuid()),
        "RLIMIT_CORE": 0,
    }
    for name, value in caps.items():
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
            report.limits.append(name)
        except (ValueError, OSError):
            pass
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past RLIMIT_FSIZE then raises OSError (EFBIG)
    if switching_uid:
        report.uid = uid
        if jail is None:
            for folder in (workspace, home, tmp):
                os.chown(folder, uid, uid)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
    for key in list(os.environ):
        if key.startswith(("PYTHON", "LD_")) or key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            del os.environ[key]
    os.environ.update(HOME=str(home), TMPDIR=str(tmp), MPLCONFIGDIR=str(home), KERAS_HOME=str(home / ".keras"))
    tempfile.tempdir = str(tmp)
    sys.dont_write_bytecode = True
    os.chdir(workspace)
    return report, jail


class AuditGuard:
    """The in-process layer: an audit hook refusing network, processes and writes outside the workspace.

    `protect(path)` adds a folder the student may not even read (solutions/, the output
    folder, other submissions; the graders once they are collected).
    """

    def __init__(self, workspace: Path, protected: list[Path]):
        self.workspace = os.path.realpath(workspace)
        self.protected = [os.path.realpath(p) for p in protected]
        self.pid = os.getpid()
        self._busy = False

    def protect(self, path: Path) -> None:
        """Refuse reads of `path` (and below) from now on."""
        self.protected.append(os.path.realpath(path))

    def install(self) -> None:
        """Install the hook; it cannot be removed for the life of the process."""
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self._check(event, args)
        finally:
            self._busy = False

    def _check(self, event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            if isinstance(path, int) or path is None:
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & WRITE_FLAGS)
            self._check_path(path, writing)
        elif event in PATH_WRITE_EVENTS:
            for index in PATH_WRITE_EVENTS[event]:
                if index < len(args) and not isinstance(args[index], int):
                    self._check_path(args[index], True)
        elif event in NETWORK_EVENTS:
            raise PermissionError(NETWORK_REFUSED)
        elif event in PROCESS_EVENTS:
            raise PermissionError(PROCESS_REFUSED)
        elif event in ("os.kill", "os.killpg"):
            if args and args[0] not in (0, self.pid, os.getpid()):
                raise PermissionError(PROCESS_REFUSED)

    def _check_path(self, path, writing: bool) -> None:
        try:
            resolved = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return
        if writing and not (_inside(resolved, self.workspace) or resolved == os.devnull):
            raise PermissionError(f"writing {resolved} is not allowed while grading (only the submission's own folder)")
        for folder in self.protected:
            if _inside(resolved, folder) and not _inside(resolved, self.workspace):
                raise PermissionError(f"reading {resolved} is not allowed while grading")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _unshare(flags: int) -> bool:
    try:
        return _libc().unshare(flags) == 0
    except (OSError, AttributeError):
        return False


def _prctl(option: int, value: int) -> None:
    try:
        _libc().prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def unreadable_for_others(paths: list[Path]) -> Path | None:
    """Return the first folder on the way to `paths` that other users cannot enter or read, or None.

    Student code run under a worker uid must still read Python, the installed
    packages and the kit; when one of them sits under e.g. a 0700 /root, the
    per-slot uids cannot be used.
    """
    for path in paths:
        path = Path(path).resolve()
        for folder in [*reversed(path.parents), path]:
            try:
                mode = folder.stat().st_mode
            except OSError:
                continue
            if folder.is_dir() and not (mode & stat.S_IXOTH and (folder != path or mode & stat.S_IROTH)):
                return folder
    return None


def threads_of_uid(uid: int) -> int:
    """Return how many threads (all processes) the uid runs now (Linux /proc)."""
    total = 0
    for pid in processes_of_uid(uid):
        try:
            with open(f"/proc/{pid}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("Threads:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total


def processes_of_uid(uid: int) -> list[int]:
    """Return the pids of every process whose real uid is `uid` (Linux /proc)."""
    pids = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status") as status:
                for line in status:
                    if line.startswith("Uid:"):
                        if int(line.split()[1]) == uid:
                            pids.append(int(entry.name))
                        break
        except (OSError, ValueError):
            continue
    return pids


def kill_submission(pid: int, uid: int | None) -> None:
    """Kill the student's process group and, when it ran under its own uid, every process of that uid."""
    for _ in range(5):
        found = False
        try:
            os.killpg(pid, signal.SIGKILL)
            found = True
        except (ProcessLookupError, PermissionError):
            pass
        if uid is not None and os.geteuid() == 0:
            for other in processes_of_uid(uid):
                try:
                    os.kill(other, signal.SIGKILL)
                    found = True
                except ProcessLookupError:
                    pass
        if not found:
            return
        time.sleep(0.05)
