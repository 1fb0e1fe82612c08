"""Run each grader module in a child process forked for it, so what TensorFlow keeps after a module goes with the child.

TensorFlow holds on to memory for every model it has traced (20-30 MB each on CPU,
measured: neither `clear_session` nor `gc` nor `malloc_trim` gets it back), so one
process grading a whole chapter creeps past 1 GB. Forked from the session after
collection, a child starts from the imported stack (copy-on-write), grades one
module's tests with pytest's own protocol and exits; the session logs the
reports the child sends, as pytest-forked and pytest-xdist do. A module's tests
also no longer depend on what other modules traced before them.

A fork is only safe before TensorFlow has started its runtime (its thread pools
would be missing in the child), so the session runs tests in-process when the
runtime is already up (a test suite that runs the graders inside pytest, say),
when the platform cannot fork, under `--pdb`, and with `--kerakit-isolate none`.

The child sends JSON lines (never pickles: the child runs student code):
    {"start": nodeid}                              a test begins
    {"nodeid": ..., "reports": [...], "result": {...}}  a test ended
A child that dies (a crash, the OOM killer, os._exit in student code) or outlives
its test's limit costs the test it was running; the module's later tests go on in
a new child.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import select
import signal
import sys
import time

import pytest

from kerakit.grading.feedback import ERROR, TIMEOUT, Feedback
from kerakit.grading.preload import modules_to_preload

ISOLATE_MODULE = "module"
ISOLATE_NONE = "none"
WATCHDOG_MARGIN_SECONDS = 60.0  # beyond a test's own limit, for pytest-timeout to act first


def addoption(group) -> None:
    """Add --kerakit-isolate to the plugin's option group."""
    group.addoption("--kerakit-isolate", choices=(ISOLATE_MODULE, ISOLATE_NONE), default=ISOLATE_MODULE,
                    help="run each grader module in its own forked process (module, the default) or all in this one (none)")


def tensorflow_runtime_started() -> bool:
    """Return True when TensorFlow's eager runtime (and its thread pools) exists in this process."""
    context_module = sys.modules.get("tensorflow.python.eager.context")
    if context_module is None:
        return False
    context = context_module.context_safe()
    return context is not None and context._context_handle is not None


def can_isolate(session: pytest.Session) -> bool:
    """Return True when this session's graded modules can each run in a forked child."""
    config = session.config
    return (config.getoption("kerakit_isolate") == ISOLATE_MODULE and hasattr(os, "fork") and sys.platform.startswith("linux")
            and not config.getoption("usepdb") and not config.getoption("collectonly") and not session.testsfailed
            and not tensorflow_runtime_started())


def why_not_isolated(session: pytest.Session) -> str:
    """Return why modules that should be forked cannot be (TensorFlow's runtime is up), or "" for no surprise."""
    if session.config.getoption("kerakit_isolate") == ISOLATE_MODULE and _runtime_started_by_collection(session):
        return ("TensorFlow's runtime started while the tests were collected (a Keras object built at import time?), "
                "so no module can run in a child of its own")
    return ""


def _runtime_started_by_collection(session: pytest.Session) -> bool:
    return tensorflow_runtime_started() and not session.config.stash.get(_RUNTIME_BEFORE_COLLECTION, True)


_RUNTIME_BEFORE_COLLECTION = pytest.StashKey[bool]()


def note_runtime_before_collection(config: pytest.Config) -> None:
    """Remember whether TensorFlow's runtime was already up when the session began (then staying in-process is expected)."""
    config.stash[_RUNTIME_BEFORE_COLLECTION] = tensorflow_runtime_started()


def warm_imports(items: list[pytest.Item]) -> None:
    """Import the heavy stack once in the session, so each child does not pay for it again (Keras alone takes ~6 s)."""
    paths = {item.path for item in items}
    for name in modules_to_preload(path.read_text(errors="replace") for path in paths if path.suffix == ".py"):
        importlib.import_module(name)


def module_groups(items: list[pytest.Item]) -> list[list[pytest.Item]]:
    """Return the items cut into runs of consecutive tests from the same file."""
    groups: list[list[pytest.Item]] = []
    for item in items:
        if groups and groups[-1][0].path == item.path:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def run_session(session: pytest.Session, is_graded, record_crash) -> None:
    """Run the session's tests, each module of graded tests in a forked child while forking stays safe.

    Args:
        session: the pytest session, after collection.
        is_graded: item -> bool; only modules whose tests are all graded are forked.
        record_crash: (item, Feedback) -> None; scores a test whose child died or hung.
    """
    warm_imports(session.items)
    groups = module_groups(session.items)
    for index, group in enumerate(groups):
        following = groups[index + 1][0] if index + 1 < len(groups) else None
        pending = list(group)
        if all(is_graded(item) for item in group) and not tensorflow_runtime_started():
            try:
                while pending and not _should_stop(session):
                    pending = _run_in_child(session, pending, record_crash)
            except _CannotFork:
                pass  # run what is left here
        for position, item in enumerate(pending):
            nextitem = pending[position + 1] if position + 1 < len(pending) else following
            item.config.hook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            if _should_stop(session):
                break
        if _should_stop(session):
            break


class _CannotFork(Exception):
    """This process may not fork (a sandbox forbids it, or the system is out of processes)."""


def _should_stop(session: pytest.Session) -> bool:
    if session.shouldfail:
        raise session.Failed(session.shouldfail)
    if session.shouldstop:
        raise session.Interrupted(session.shouldstop)
    return False


def _run_in_child(session: pytest.Session, items: list[pytest.Item], record_crash) -> list[pytest.Item]:
    """Run `items` in one forked child; return the items it did not get to (after a crash), else []."""
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except (OSError, RuntimeError) as error:  # RuntimeError: an audit hook refused it
        os.close(read_end)
        os.close(write_end)
        raise _CannotFork(str(error)) from error
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child_main(session, items, write_end)
    os.close(write_end)
    by_id = {item.nodeid: item for item in items}
    finished: set[str] = set()
    current: pytest.Item | None = None
    started_at = time.monotonic()
    buffer = b""
    hung = False
    try:
        with os.fdopen(read_end, "rb", buffering=0) as channel:
            while True:
                deadline = started_at + _limit_of(current) if current is not None else None
                wait = None if deadline is None else max(0.0, deadline - time.monotonic())
                ready, _, _ = select.select([channel], [], [], wait)
                if not ready:
                    hung = True
                    break
                chunk = channel.read(65536)
                if not chunk:
                    break
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    current, started_at = _handle_message(session, by_id, finished, line, current, started_at)
                    _should_stop(session)
    except BaseException:
        _kill(pid)
        raise
    if hung:
        _kill(pid)
    status = _reap(pid)
    remaining = [item for item in items if item.nodeid not in finished]
    if not remaining:
        return []
    victim = current if current is not None and current.nodeid not in finished else remaining[0]
    if hung:
        feedback = Feedback(TIMEOUT, f"the test ran past its limit of {_limit_of(victim) - WATCHDOG_MARGIN_SECONDS:.0f} s "
                                     "and its grading process was stopped")
    else:
        feedback = Feedback(ERROR, f"the grading process ended during this test ({_describe_status(status)}): "
                                   "something in the code under test exited or crashed the interpreter")
    _log_lost_test(victim, feedback, record_crash, started=current is victim, started_at=started_at)
    return [item for item in remaining if item is not victim]


def _handle_message(session, by_id, finished, line, current, started_at):
    """Log what one line from the child says; return the (current item, its start time)."""
    try:
        message = json.loads(line)
        item = by_id[message.get("start") or message["nodeid"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return current, started_at  # not ours: ignore rather than trust
    if "start" in message:
        if item.nodeid not in finished:
            item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
            return item, time.monotonic()
        return current, started_at
    if item.nodeid in finished:
        return current, started_at
    finished.add(item.nodeid)
    config = session.config
    for data in message.get("reports", []):
        report = config.hook.pytest_report_from_serializable(config=config, data=data)
        if report is not None:
            if isinstance(report.longrepr, list):  # a skip's (path, line, reason): JSON made the tuple a list
                report.longrepr = tuple(report.longrepr)
            item.ihook.pytest_runtest_logreport(report=report)
    result = message.get("result")
    if result is not None:
        _store_result(config, item, result)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return None, time.monotonic()


def _store_result(config: pytest.Config, item: pytest.Item, result: dict) -> None:
    from kerakit.grading.plugin import GRADING_STATE
    from kerakit.grading.reports import ExerciseResult

    fields = {field.name for field in dataclasses.fields(ExerciseResult)}
    config.stash[GRADING_STATE].results[item.nodeid] = ExerciseResult(**{k: v for k, v in result.items() if k in fields})


def _log_lost_test(item: pytest.Item, feedback: Feedback, record_crash, started: bool, started_at: float) -> None:
    """Report a test whose child died or hung as failed, with one readable line, and score it."""
    from _pytest.reports import TestReport

    if not started:  # the child died before it said the test began
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    report = TestReport(item.nodeid, item.location, {name: 1 for name in item.keywords}, "failed", feedback.line, "call",
                        duration=time.monotonic() - started_at if started else 0.0)
    record_crash(item, feedback)
    item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)


def _limit_of(item: pytest.Item) -> float:
    """Return how long the parent waits for `item` before stopping its child: its timeout plus a margin."""
    marker = item.get_closest_marker("timeout")
    seconds = marker.args[0] if marker and marker.args else item.config.getini("timeout")
    return float(seconds or 300) + WATCHDOG_MARGIN_SECONDS


class _SilentTerminal:
    """Stands in for the terminal reporter in a child: it keeps the writer and implements no hooks."""

    def __init__(self, writer):
        self._tw = writer


class _ReportCollector:
    """The child's plugin: keeps each test's reports for the parent instead of printing them."""

    def __init__(self):
        self.reports = []

    def pytest_runtest_logreport(self, report):
        self.reports.append(report)


def _child_main(session: pytest.Session, items: list[pytest.Item], write_end: int) -> None:
    """Run `items` through pytest's full protocol, send each outcome up the pipe, and exit without returning."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        channel = os.fdopen(write_end, "wb", buffering=0)
        from kerakit.grading.plugin import GRADING_STATE

        config = session.config
        state = config.stash[GRADING_STATE]
        for name in ("terminalreporter", "junitxml"):  # the parent prints and records what the child sends
            plugin = config.pluginmanager.get_plugin(name)
            if plugin is not None:
                config.pluginmanager.unregister(plugin)
                if name == "terminalreporter":  # config.get_terminal_writer() still works (pytest-timeout uses it)
                    config.pluginmanager.register(_SilentTerminal(plugin._tw), name)
        collector = _ReportCollector()
        config.pluginmanager.register(collector, "kerakit-child-reports")
        for position, item in enumerate(items):
            nextitem = items[position + 1] if position + 1 < len(items) else None
            channel.write(json.dumps({"start": item.nodeid}).encode() + b"\n")
            collector.reports.clear()
            item.config.hook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            result = state.results.get(item.nodeid)
            message = {"nodeid": item.nodeid,
                       "reports": [config.hook.pytest_report_to_serializable(config=config, report=report) for report in collector.reports],
                       "result": dataclasses.asdict(result) if result is not None else None}
            channel.write(json.dumps(message, default=str).encode() + b"\n")
            if session.shouldfail or session.shouldstop:
                break
    except BaseException:  # noqa: BLE001 - the parent scores what is missing; nothing may unwind into pytest here
        code = 1
    finally:
        os._exit(code)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int) -> int:
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


def _describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        name = signal.Signals(number).name if number in signal.Signals._value2member_map_ else str(number)
        return f"killed by {name}" + (", perhaps for memory" if number == signal.SIGKILL else "")
    return f"exit status {os.WEXITSTATUS(status)}"
