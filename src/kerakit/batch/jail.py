"""The student's process in its own namespaces, seeing only its workspace and the read-only runtime it needs.

`enter_jail` runs in the freshly forked child of a worker, before any student code:

1. it unshares a mount, PID and network namespace (as an ordinary user, a user
   namespace first, mapping only its own uid);
2. it forks once more: the grandchild is process 1 of the new PID namespace; it builds
   the view, forks the grading process and reaps orphans until that one ends, and its
   own end takes every process the submission started with it (the child outside the
   namespace only waits and passes on the grading process's exit status);
3. process 1 mounts a small tmpfs as the new root and binds into it, read-only
   and at their own paths, Python, the installed packages, kerakit, the kit's
   datasets and thresholds, the system libraries, /etc, /sys, and the merged graders
   (until they are collected); a fresh /proc; the workspace is copied into a tmpfs
   of `disk_mb` (the submission's disk cap); then it chroots into the view.

Nothing else exists there: not the kit's solutions/, not SUBMISSIONS, DIR, other
workspaces, /root, /home or the host's /tmp. Because the view's own folders are
created world-readable, a Python under a 0700 /root (pyenv as root) is readable by
the worker uid inside the view without changing the host.

`Jail.seal()` is called after the graders are collected: it unmounts the graders
and drops privileges for good (as root: the slot's uid; in a user namespace: every
capability), with no_new_privs set.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import site
import sys
from dataclasses import dataclass, field
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
LINUX_CAPABILITY_VERSION_3 = 0x20080522
SYSTEM_FOLDERS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc", "/sys")
DEVICES = ("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom")
VIEW_ROOT_MB = 16  # the view's own tmpfs: its folders and a small /tmp
SHM_MB = 64  # the view's /dev/shm


class JailUnavailable(OSError):
    """The namespaces or mounts the jail needs are not allowed here; the message says which."""


@dataclass
class JailPlan:
    """What the student's view holds.

    Attributes:
        mount_point: an empty folder to mount the view on (private to the namespace).
        workspace: the submission's folder, copied into a tmpfs at the same path.
        read_only: folders and files bound read-only at their own paths.
        sealed: bound read-only until `Jail.seal()` (the graders).
        disk_mb: size of the workspace's tmpfs: everything the submission may write.
        uid: as root, the uid the student code runs under after `seal()`.
        skip_in_workspace: names not copied into the view (the open log file).
        empty_folders: folders created empty in the view (the kit's graders/, so kerakit finds the kit).
        cut_network: give it a network namespace of its own (no network), unless the limits allow the network.
    """

    mount_point: Path
    workspace: Path
    read_only: list[Path] = field(default_factory=list)
    sealed: list[Path] = field(default_factory=list)
    disk_mb: int = 512
    uid: int | None = None
    skip_in_workspace: tuple[str, ...] = (".grading.log",)
    empty_folders: list[Path] = field(default_factory=list)
    cut_network: bool = True


class Jail:
    """The grading process's handle on its jail: `seal()` once the graders are collected."""

    def __init__(self, plan: JailPlan, as_root: bool):
        self.plan = plan
        self.as_root = as_root
        self.sealed = False

    def seal(self) -> None:
        """Unmount the graders and drop every privilege (the slot's uid as root, no capabilities otherwise)."""
        if self.sealed:
            return
        for path in self.plan.sealed:
            _umount(str(path))
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        if self.as_root and self.plan.uid is not None:
            os.setgroups([])
            os.setgid(self.plan.uid)
            os.setuid(self.plan.uid)
        else:
            _drop_capabilities()
        self.sealed = True


def enter_jail(plan: JailPlan) -> Jail:
    """Move this (freshly forked, single-threaded) process into the jail; return in the grading process only (process 2).

    The process that called it becomes a waiter that exits the way the grading process ends.

    Raises:
        JailUnavailable: the namespaces cannot be created here (before anything changed).
    """
    as_root = os.geteuid() == 0
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWPID | (CLONE_NEWNET if plan.cut_network else 0)
    if not as_root:
        flags |= CLONE_NEWUSER
    if _libc().unshare(flags) != 0:
        errno = ctypes.get_errno()
        raise JailUnavailable(errno, f"unshare of the mount, PID and network namespaces{'' if as_root else ' (in a user namespace)'} "
                                     f"was refused: {os.strerror(errno)}")
    if not as_root:
        _map_own_ids(uid, gid)
    status_read, status_write = os.pipe()
    pid = os.fork()
    if pid != 0:
        os.close(status_write)
        _pass_on_exit_of_init(pid, status_read)  # never returns
    os.close(status_read)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _build_view(plan)  # as process 1 of the namespace: its /proc shows the namespace's processes only
    worker = os.fork()
    if worker != 0:
        _run_init(worker, status_write)  # never returns
    os.close(status_write)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    return Jail(plan, as_root)


def jail_available(probe_root: Path) -> str:
    """Return "" when a jail can be built on this machine, else one line saying what is missing (tried in a child)."""
    if not sys.platform.startswith("linux"):
        return "the jail needs Linux namespaces (this is " + sys.platform + ")"
    _libc()  # loaded before the fork: a child of a threaded process must not need the dynamic loader's lock
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        message = b""
        try:
            probe_root.mkdir(exist_ok=True)
            jail = enter_jail(JailPlan(probe_root, probe_root / "workspace-probe", read_only=[], disk_mb=1))
            del jail
        except BaseException as error:  # noqa: BLE001 - reported as one line
            message = str(error).encode()[:500] or type(error).__name__.encode()
        os.write(write_end, message)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        message = reader.read().decode(errors="replace")
    os.waitpid(pid, 0)
    return message


def runtime_paths(kit_root: Path, kerakit_source: Path, protected: list[Path]) -> list[Path]:
    """Return what student code needs to read: Python and its packages, kerakit, the kit's data and thresholds, the system.

    A path that holds one of `protected` (the kit's solutions/, SUBMISSIONS, DIR, the run
    folder) is left out whole, so a Python installed inside the kit cannot open the kit.
    """
    paths = [Path(sys.base_prefix), Path(sys.prefix), kerakit_source, *[Path(p) for p in site.getsitepackages()],
             *_pth_paths(), kit_root / "pyproject.toml", kit_root / "datasets", kit_root / "graders" / "thresholds.toml",
             *[Path(p) for p in SYSTEM_FOLDERS]]
    protected = [Path(os.path.realpath(p)) for p in protected]
    unique: list[Path] = []
    for path in paths:
        path = Path(os.path.realpath(path))
        if path.exists() and path not in unique and not any(p == path or p.is_relative_to(path) for p in protected):
            unique.append(path)
    return unique


def _pth_paths() -> list[Path]:
    """Return the folders the site packages' .pth files add to sys.path (packages installed elsewhere)."""
    found = []
    for folder in site.getsitepackages():
        for pth in sorted(Path(folder).glob("*.pth")):
            try:
                lines = pth.read_text(errors="ignore").splitlines()
            except OSError:
                continue
            found += [Path(folder, line.strip()) for line in lines if line.strip() and not line.startswith(("#", "import ", "import\t"))]
    return found


def _build_view(plan: JailPlan) -> None:
    root = str(plan.mount_point)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, f"size={VIEW_ROOT_MB}m,mode=755")
    for path in [*plan.read_only, *plan.sealed]:
        _bind_read_only(path, root)
    for device in DEVICES:
        if os.path.exists(device):
            _bind(device, root, read_only=False)
    for folder in plan.empty_folders:
        os.makedirs(root + str(folder), exist_ok=True)
    proc = root + "/proc"
    os.makedirs(proc, exist_ok=True)
    _mount("proc", proc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(root + "/tmp", exist_ok=True)
    os.chmod(root + "/tmp", 0o1777)
    os.makedirs(root + "/dev/shm", exist_ok=True)  # POSIX semaphores (multiprocessing's locks, Keras's thread pools)
    _mount("tmpfs", root + "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, f"size={SHM_MB}m,mode=1777")
    inside = root + str(plan.workspace)
    os.makedirs(inside, exist_ok=True)
    _mount("tmpfs", inside, "tmpfs", MS_NOSUID | MS_NODEV, f"size={plan.disk_mb}m,mode=700")
    if plan.workspace.is_dir():
        shutil.copytree(plan.workspace, inside, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns(*plan.skip_in_workspace))
    if plan.uid is not None and os.geteuid() == 0:
        for folder, folders, files in os.walk(inside):
            for name in [*folders, *files]:
                os.lchown(os.path.join(folder, name), plan.uid, plan.uid)
        os.chown(inside, plan.uid, plan.uid)
    os.chdir(root)
    os.chroot(".")
    os.chdir(str(plan.workspace))


def _bind_read_only(path: Path, root: str) -> None:
    _bind(str(path), root, read_only=True)


def _bind(source: str, root: str, read_only: bool) -> None:
    target = root + source
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            with open(target, "w"):
                pass
    _mount(source, target, None, MS_BIND | MS_REC)
    if read_only:
        _mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _run_init(worker: int, status_write: int) -> None:
    """Be process 1 of the namespace: reap every orphan until `worker` ends, report its raw status, and exit.

    The grading process is not process 1 itself: process 1 ignores the signals it has no
    handler for, even SIGKILL sent from inside, which would change how student code behaves.
    Ending process 1 ends every process left in the namespace.
    """
    os.closerange(3, status_write)
    os.closerange(status_write + 1, 1 << 16)  # the records pipe belongs to the worker
    status = None
    while status is None:
        try:
            pid, raw = os.waitpid(-1, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            break
        if pid == worker:
            status = raw
    os.write(status_write, str(-1 if status is None else status).encode())
    os._exit(0)


def _pass_on_exit_of_init(init: int, status_read: int) -> None:
    """Wait for the namespace's process 1 and end this process the way the grading process ended; never return."""
    os.closerange(3, status_read)
    os.closerange(status_read + 1, 1 << 16)
    with os.fdopen(status_read, "rb") as reader:
        text = reader.read().decode(errors="replace").strip()
    while True:
        try:
            _, status = os.waitpid(init, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            os._exit(70)
    if text.lstrip("-").isdigit() and int(text) >= 0:
        status = int(text)  # the grading process's own status; else process 1's (it was killed)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number not in (signal.SIGKILL, signal.SIGSTOP):  # those two cannot be caught, so need no reset
            signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 70)


def _map_own_ids(uid: int, gid: int) -> None:
    for name, text in (("uid_map", f"{uid} {uid} 1\n"), ("setgroups", "deny\n"), ("gid_map", f"{gid} {gid} 1\n")):
        with open(f"/proc/self/{name}", "w") as handle:
            handle.write(text)


def _drop_capabilities() -> None:
    """Clear every capability of this process (permitted, effective, inheritable)."""
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    if _libc().capset(header, data) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"dropping capabilities failed: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None) -> None:
    encode = lambda value: value.encode() if isinstance(value, str) else value  # noqa: E731
    if _libc().mount(encode(source), encode(target), encode(fstype), flags, encode(data)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"mount {source or ''} on {target}: {os.strerror(errno)}")


def _umount(target: str) -> None:
    if _libc().umount2(target.encode(), MNT_DETACH) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"unmount {target}: {os.strerror(errno)}")


def _prctl(option: int, value: int) -> None:
    _libc().prctl(option, value, 0, 0, 0)


_LIBC = []


def _libc():
    if not _LIBC:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
        libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
        _LIBC.append(libc)
    return _LIBC[0]
