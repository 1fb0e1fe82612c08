"""The student's process: run the instructor's graders on one workspace and stream each outcome.

Runs in a process forked from a zygote (`zygote.py`). It applies the sandbox, runs
pytest in-process on the instructor's graders with `--impl WORKSPACE`, and writes
one JSON line per event to a pipe. Points, names and visibility are never taken from
these lines: the parent keeps only each test's status and feedback and scores them
against its own catalog (`outcomes.py`), so a forged line cannot add points.

A tamper check snapshots the functions of pytest, pluggy, kerakit, NumPy, the
builtins and the graders after collection and compares them after every test; a
submission that replaced one ends its process and the test reads why.
"""

from __future__ import annotations

import builtins
import json
import os
import sys
from pathlib import Path

import pytest

from kerakit.batch.jail import Jail, JailPlan
from kerakit.batch.limits import Limits
from kerakit.batch.sandbox import AuditGuard, enter_sandbox

TAMPER_EXIT = 97
HOST_LOST_EXIT = 98  # sealed grading: the student host is gone; the parent grades the remaining tests anew
WATCHED_PREFIXES = ("_pytest", "pytest", "pluggy", "kerakit", "numpy", "keras", "tensorflow.python.eager")
WATCHED_MODULES = ("builtins", "os", "json", "math", "random", "importlib", "inspect", "traceback")


class RecordStream:
    """JSON lines to a pipe, written with a reference taken before any student code ran."""

    def __init__(self, fd: int):
        self._fd = fd
        self._write = os.write
        self._dumps = json.dumps

    def send(self, **record) -> None:
        """Write one record as a line."""
        data = (self._dumps(record, default=str) + "\n").encode()
        while data:
            data = data[self._write(self._fd, data):]


class TamperCheck:
    """Identity snapshot of the functions a submission could replace to fake a pass."""

    def __init__(self, graders_root: Path):
        self._graders_root = str(graders_root)
        self._snapshot: dict[tuple, object] = {}
        self._modules: dict[str, object] = {}

    def take(self) -> None:
        """Remember every watched module and the functions and classes it holds."""
        for name, module in list(sys.modules.items()):
            if module is None or not self._watched(name, module):
                continue
            self._modules[name] = module
            for key, value in list(vars(module).items()):
                if callable(value):
                    self._snapshot[(name, key)] = value
                    if isinstance(value, type) and getattr(value, "__module__", None) == name:
                        for attribute, member in list(vars(value).items()):
                            if callable(member) or isinstance(member, (staticmethod, classmethod, property)):
                                self._snapshot[(name, key, attribute)] = member

    def changed(self) -> str | None:
        """Return the first replaced name ("module.attr"), or None when nothing changed."""
        for name, module in self._modules.items():
            if sys.modules.get(name) is not module:
                return name
        for key, value in self._snapshot.items():
            holder = vars(self._modules[key[0]])
            current = holder.get(key[1])
            if len(key) == 3:
                current = vars(current).get(key[2]) if isinstance(current, type) else None
            if current is not value:
                return ".".join(key)
        return None

    def _watched(self, name: str, module) -> bool:
        if name in WATCHED_MODULES or any(name == p or name.startswith(p + ".") for p in WATCHED_PREFIXES):
            return True
        file = getattr(module, "__file__", None) or ""
        return file.startswith(self._graders_root)


class StreamPlugin:
    """pytest hooks that stream collection, each test's start and each test's outcome."""

    def __init__(self, stream: RecordStream, only: set[str] | None, guard: AuditGuard | None,
                 seal: list[str], tamper: TamperCheck | None, jail: Jail | None = None):
        self.stream = stream
        self.jail = jail
        self.only = only
        self.guard = guard
        self.seal = seal
        self.tamper = tamper
        self.names: dict[str, str] = {}
        self.current: str | None = None

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        from kerakit.grading.plugin import exercise_name, is_graded

        keep, drop = [], []
        for item in items:
            graded = is_graded(item)
            wanted = graded and (self.only is None or exercise_name(item) in self.only)
            (keep if wanted else drop).append(item)
            if graded:
                self.names[item.nodeid] = exercise_name(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep

    def pytest_collection_finish(self, session):
        self.stream.send(type="collected", names=[self.names[i.nodeid] for i in session.items])
        if self.guard is not None:
            for path in self.seal:
                self.guard.protect(Path(path))
        if self.tamper is not None:
            self.tamper.take()
        if self.jail is not None:
            self.jail.seal()  # the graders' files leave the view, and the process its privileges, before a test runs

    def pytest_collectreport(self, report):
        if report.failed:
            self.stream.send(type="collect_error", where=str(report.nodeid), message=str(report.longrepr)[-2000:])

    def pytest_runtest_logstart(self, nodeid, location):
        self.current = self.names.get(nodeid)
        self.stream.send(type="start", name=self.current)

    def pytest_runtest_logreport(self, report):
        if report.when != "teardown":
            return
        self._check_tamper()
        from kerakit.grading.plugin import GRADING_STATE

        state = self._config.stash[GRADING_STATE]
        result = state.results.get(report.nodeid)
        if result is None:
            return
        self.stream.send(type="result", name=self.names.get(report.nodeid), status=result.status,
                         feedback=result.feedback, details=result.details, duration=result.duration,
                         measurements=result.measurements)
        self.current = None
        host = getattr(self, "host", None)
        if host is not None and host.implementation.lost:
            os._exit(HOST_LOST_EXIT)  # the remaining tests need a new student host: the parent starts them again

    def pytest_configure(self, config):
        self._config = config

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus):
        self._check_tamper()
        self.stream.send(type="done", exitstatus=int(exitstatus))

    def _check_tamper(self) -> None:
        if self.tamper is None:
            return
        what = self.tamper.changed()
        if what:
            self.stream.send(type="tamper", name=self.current, what=what)
            os._exit(TAMPER_EXIT)


def pytest_arguments(job: dict) -> list[str]:
    """Return the pytest command line for a grading or catalog job."""
    kit_root = job["kit_root"]
    # The rootdir holds the merged graders: a conftest's fixtures then apply to its own chapter only. (With the kit
    # as rootdir the graders lay outside it and every conftest's fixtures applied everywhere: ch08's `digits`, in
    # [0, 1], replaced ch05b's, in 0-255, and the reference lost 9 points of ch05b.) The kit is found by KERAKIT_ROOT.
    os.environ["KERAKIT_ROOT"] = str(kit_root)
    arguments = [*job["targets"], "--rootdir", str(Path(job["graders_root"]).parent), "-c", str(Path(kit_root) / "pyproject.toml"),
                 "-q", "--no-header", "-p", "no:cacheprovider", "--kerakit-no-table", "--tb=no",
                 "--disable-warnings", "-W", "ignore::pytest.PytestAssertRewriteWarning",
                 "--kerakit-timeout", str(job["limits"]["test_timeout"]), "--kerakit-seed", str(job["seed"]),
                 "--kerakit-isolate", "none"]  # this process is already one submission's own, and the sandbox forbids fork
    if not _plugin_installed():
        arguments += ["-p", "kerakit.grading.plugin"]  # kerakit used from a source tree, not pip-installed
    if job.get("select"):
        arguments += ["-k", job["select"]]
    if job["kind"] == "catalog":
        return [*arguments, "--collect-only"]
    return [*arguments, "--kerakit-impl", job["workspace"]]


def _plugin_installed() -> bool:
    """Return True when an installed distribution registers kerakit's pytest plugin (entry point pytest11)."""
    from importlib.metadata import entry_points

    return any(point.value == "kerakit.grading.plugin" for point in entry_points(group="pytest11"))


def run_grading(job: dict, records_fd: int) -> int:
    """Grade one workspace under the sandbox; return the exit status for os._exit."""
    stream = RecordStream(records_fd)
    workspace = Path(job["workspace"])
    _redirect_output(workspace / ".grading.log")
    if job.get("sealed"):
        return run_sealed_grading(job, stream, workspace)
    limits = Limits.from_dict(job["limits"])
    report, jail = enter_sandbox(limits, workspace, job.get("uid"), jail_plan(job))
    stream.send(type="sandbox", uid=report.uid, network_namespace=report.network_namespace, limits=report.limits,
                view=report.view, disk_mb=report.disk_mb, missing=report.missing)
    _set_threads(job.get("threads"))
    guard = AuditGuard(workspace, [Path(p) for p in job["protected"]])
    guard.install()
    plugin = StreamPlugin(stream, set(job["only"]) if job.get("only") is not None else None, guard,
                          job["seal"], TamperCheck(Path(job["graders_root"])), jail)
    code = pytest.main(pytest_arguments(job), plugins=[plugin])
    return 0 if int(code) in (0, 1, 5) else 3


def run_sealed_grading(job: dict, stream: RecordStream, workspace: Path) -> int:
    """Grade one workspace with the graders here and the student's code in a student host; return the exit status.

    This process runs no student code, so it needs no guard and no tamper check: the
    host answers in plain data. When the host is lost (it exited, crashed or ran past a
    test's limit), the test reads why, and this process ends after that test's result
    so the parent grades the remaining tests with a new host.
    """
    from kerakit.batch.host import start_student_host
    from kerakit.grading.sealed import StudentHostPlugin

    plan = jail_plan(job)
    if plan is not None:
        plan.sealed = []  # the graders are never in the student's view
    host = start_student_host(job, workspace, plan, job.get("threads"))
    stream.send(type="sandbox", **{k: host.sandbox.get(k) for k in ("uid", "network_namespace", "limits", "view",
                                                                       "disk_mb", "missing")})
    _set_threads(job.get("threads"))
    plugin = StreamPlugin(stream, set(job["only"]) if job.get("only") is not None else None, None, [], None)
    plugin.host = host
    try:
        code = pytest.main(pytest_arguments(job), plugins=[plugin, StudentHostPlugin(host.implementation)])
    finally:
        host.stop()
    return HOST_LOST_EXIT if host.implementation.lost else (0 if int(code) in (0, 1, 5) else 3)


def jail_plan(job: dict) -> JailPlan | None:
    """Return the JailPlan a grading job asks for, or None (no jail)."""
    jail = job.get("jail")
    if not jail:
        return None
    return JailPlan(Path(jail["mount_point"]), Path(job["workspace"]), [Path(p) for p in jail["read_only"]],
                    [Path(p) for p in jail["sealed"]], int(jail["disk_mb"]), job.get("uid"),
                    empty_folders=[Path(p) for p in jail["empty_folders"]])


def run_catalog(job: dict, records_fd: int) -> int:
    """Collect the graders (no student code) and stream one record per graded test; return 0 on success."""
    stream = RecordStream(records_fd)
    _redirect_output(Path(job["log"]))
    plugin = CatalogPlugin(stream)
    code = pytest.main(pytest_arguments(job), plugins=[plugin])
    stream.send(type="done", exitstatus=int(code))
    return 0 if int(code) == 0 else 3


class CatalogPlugin:
    """Streams the graded tests pytest collected: name, title, points, visibility, timeout."""

    def __init__(self, stream: RecordStream):
        self.stream = stream

    def pytest_collectreport(self, report):
        if report.failed:
            self.stream.send(type="collect_error", where=str(report.nodeid), message=str(report.longrepr)[-3000:])

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session):
        from kerakit.grading.plugin import exercise_name, is_graded, points_of, visibility_of

        for item in session.items:
            if not is_graded(item):
                continue
            docstring = (getattr(item, "obj", None).__doc__ or "").strip()
            timeout = item.get_closest_marker("timeout")
            self.stream.send(type="test", name=exercise_name(item), points=points_of(item),
                             visibility=visibility_of(item), title=docstring.splitlines()[0] if docstring else "",
                             timeout=float(timeout.args[0]) if timeout and timeout.args else None)


def _set_threads(threads: int | None) -> None:
    """Give TensorFlow `threads` threads per pool, so that workers sharing the CPUs do not oversubscribe them."""
    if not threads or "tensorflow" not in sys.modules:
        return
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    except RuntimeError:  # already initialised: keep its settings
        pass


def _redirect_output(log: Path) -> None:
    """Point stdin at /dev/null and stdout/stderr at `log`."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(out, 2)
    for fd in (null, out):
        if fd > 2:
            os.close(fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    builtins.input = lambda *args: ""  # a stray input() must not wait forever
