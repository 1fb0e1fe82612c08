"""Worker slots (one warm zygote each), the per-submission grading loop, and the pool that drives them."""

from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import kerakit
from kerakit.batch.limits import SLOT_UID_BASE, Limits
from kerakit.batch.outcomes import Outcomes, describe_exit
from kerakit.batch.sandbox import kill_submission
from kerakit.grading.feedback import ERROR, TIMEOUT
from kerakit.grading.reports import HIDDEN

READY_TIMEOUT = 600.0
# What one job's child may send the parent through its zygote; more is a flood: the submission is stopped, and the
# parent's memory stays bounded whatever the child writes.
MAX_JOB_RECORD_BYTES = 32 * 1024 * 1024


def grace_seconds(test_timeout: float) -> float:
    """Return how long past a test's own timeout the parent waits before killing the process (2 to 10 s)."""
    return max(2.0, min(10.0, test_timeout / 2))

KERAKIT_SOURCE = str(Path(kerakit.__file__).resolve().parents[1])


class ZygoteDied(RuntimeError):
    """The worker process of a slot ended; the slot is restarted and the job retried."""


@dataclass
class JobEnd:
    """How one forked child ended."""

    code: int | None
    signal: int | None
    killed_because: str | None  # the parent's reason when it killed the child
    records: list[dict] = field(default_factory=list)


class Slot:
    """One worker: a zygote process that has imported the grading stack and forks a child per job."""

    def __init__(self, index: int, run_dir: Path, preload: list[str], sandbox_uid: bool, threads: int | None = None):
        self.index = index
        self.threads = threads
        self.run_dir = run_dir
        self.preload = preload
        self.uid = SLOT_UID_BASE + index if sandbox_uid and os.geteuid() == 0 else None
        self.process: subprocess.Popen | None = None
        self._buffer = b""
        self._last_size = 0  # bytes of the last message read
        self.startup_seconds = 0.0

    def start(self) -> None:
        """Start the zygote and wait until it has imported everything."""
        boot = (f"import sys; sys.path[:0] = [{KERAKIT_SOURCE!r}]; "
                "from kerakit.batch.zygote import main; main()")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        if self.threads:
            for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                env[name] = str(self.threads)
        log = open(self.run_dir / f"worker{self.index}.log", "ab")
        started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-I", "-c", boot], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=log, env=env, cwd=self.run_dir,
                                        start_new_session=True)
        log.close()
        self._buffer = b""
        self._send({"preload": self.preload})
        message = self._next_message(time.monotonic() + READY_TIMEOUT)
        if message is None or message.get("event") != "ready":
            self.close()
            raise ZygoteDied(f"worker {self.index} did not start: see {self.run_dir / f'worker{self.index}.log'}")
        self.startup_seconds = time.perf_counter() - started

    def run(self, job: dict, on_record: Callable[[dict], None], watchdog: Callable[[], str | None]) -> JobEnd:
        """Run one job in a forked child; kill it when `watchdog()` returns a reason; return how it ended."""
        self._send(job)
        forked = self._next_message(time.monotonic() + 60)
        if forked is None or forked.get("event") != "forked":
            raise ZygoteDied(f"worker {self.index} did not fork")
        pid = int(forked["pid"])
        killed_because = None
        records = []
        keep_records = job.get("kind") == "catalog"  # a grading job's records are handled as they come, never stored
        received = 0
        while True:
            message = self._next_message(time.monotonic() + 0.2, allow_timeout=True)
            if message is None:
                if self.process.poll() is not None:
                    kill_submission(pid, self.uid)
                    raise ZygoteDied(f"worker {self.index} ended")
            elif message.get("event") == "record" and isinstance(message.get("record"), dict):
                received += self._last_size
                if received > MAX_JOB_RECORD_BYTES:
                    if killed_because is None:
                        killed_because = (f"sent the grader more than {MAX_JOB_RECORD_BYTES >> 20} MB of records "
                                          "(a flood) and was stopped")
                        kill_submission(pid, self.uid)
                    continue
                if keep_records:
                    records.append(message["record"])
                on_record(message["record"])
            elif message.get("event") == "exit":
                if killed_because is None:
                    kill_submission(pid, self.uid)  # whatever the submission left running
                return JobEnd(message.get("code"), message.get("signal"), killed_because, records)
            if killed_because is None:
                reason = watchdog()
                if reason:
                    killed_because = reason
                    kill_submission(pid, self.uid)

    def close(self) -> None:
        """Stop the zygote."""
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()

    def _send(self, message: dict) -> None:
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise ZygoteDied(f"worker {self.index} is gone ({error})") from None

    def _next_message(self, deadline: float, allow_timeout: bool = False) -> dict | None:
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                if allow_timeout:
                    return None
                raise ZygoteDied(f"worker {self.index} closed its channel")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        self._last_size = len(line)
        return json.loads(line)


def collect_catalog(slot: Slot, job: dict) -> tuple[list[dict], JobEnd]:
    """Run the catalog job in `slot`; return its records and how it ended."""
    records: list[dict] = []
    end = slot.run(job, records.append, lambda: None)
    return records, end


def grade_in_slot(slot: Slot, job: dict, outcomes: Outcomes, limits: Limits,
                  clock: Callable[[], float] = time.monotonic) -> list[str]:
    """Grade one workspace in `slot` until every test has a result; return the submission-level reasons.

    A child that dies, hangs or tampers costs only the test it was running: the
    remaining tests run again in a fresh child. Each try must settle at least one
    test, so the loop ends.
    """
    deadline = clock() + limits.timeout
    reasons: list[str] = []
    while outcomes.remaining:
        state = {"current": None, "started": None, "done": False, "tamper": None, "settled": 0,
                 "collect_error": None}

        def on_record(record: dict) -> None:
            kind = record.get("type")
            if kind == "start":
                name = record.get("name")
                # The session starts a test only after the previous one's result: a start while a test is running
                # comes from the submission, and can neither restart the clock nor move the result to another test.
                if isinstance(name, str) and name in outcomes.catalog and name not in outcomes.results \
                        and state["current"] is None:
                    state["started"] = clock()
                    state["current"] = name
            elif kind == "result":
                if record.get("name") == state["current"]:  # only the running test; a forged line is ignored
                    state["settled"] += outcomes.accept(record)
                    state["current"] = None
            elif kind == "done":
                state["done"] = True
            elif kind == "sandbox" and not outcomes.sandbox:
                outcomes.sandbox = {k: record.get(k) for k in ("uid", "network_namespace", "limits", "view", "disk_mb", "missing")}
            elif kind == "collect_error":
                message = str(record.get("message") or "").strip().splitlines()
                state["collect_error"] = f"the graders failed to load while grading: {message[-1] if message else ''}"
            elif kind == "tamper":
                state["tamper"] = str(record.get("what"))[:200]

        def watchdog() -> str | None:
            if clock() > deadline:
                return f"the submission took longer than the {limits.timeout:g} s limit and was stopped"
            current = state["current"]
            if current and state["started"] is not None:
                allowed = outcomes.catalog[current].timeout or limits.test_timeout
                if clock() - state["started"] > allowed + grace_seconds(allowed):
                    return f"took longer than {allowed:g} s and was stopped (an endless loop?)"
            return None

        end = slot.run({**job, "only": outcomes.remaining}, on_record, watchdog)
        current = state["current"] if state["current"] in outcomes.catalog else None
        if end.killed_because and clock() > deadline:
            outcomes.zero_all(outcomes.remaining, TIMEOUT, end.killed_because)
            reasons.append(end.killed_because)
            break
        if end.killed_because and current:
            outcomes.zero(current, TIMEOUT, end.killed_because)
            reasons.append(f"{shown_name(outcomes, current)}: {end.killed_because}")
            continue
        if state["tamper"]:
            reason = (f"the submission replaced {state['tamper']} while being graded "
                      "(changing pytest, kerakit or the graders is not allowed): not graded")
            reasons.append(reason)
            if current:
                outcomes.zero(current, ERROR, reason)
                continue
            outcomes.zero_all(outcomes.remaining, ERROR, reason)
            break
        if state["done"] and end.code == 0 and end.signal is None:
            outcomes.zero_all(outcomes.remaining, ERROR, "was not run by the grading session")
            break
        reason = end.killed_because or state["collect_error"] or describe_exit(end.code, end.signal, limits.cpu_seconds)
        if current:
            outcomes.zero(current, ERROR, reason)
            reasons.append(f"{shown_name(outcomes, current)}: {reason}")
            continue
        if state["settled"] == 0:
            outcomes.zero_all(outcomes.remaining, ERROR, reason)
            reasons.append(reason)
            break
    return list(dict.fromkeys(reasons))  # once each, in order


def shown_name(outcomes: Outcomes, name: str) -> str:
    """Return the test's short name, or "a hidden test" for a hidden one (reasons reach the student)."""
    return "a hidden test" if outcomes.catalog[name].visibility == HIDDEN else short_name(name)


def short_name(name: str) -> str:
    """Return "ch03 imdb: vectorize_sequences" for "ch03_first_networks/imdb::test_vectorize_sequences"."""
    chapter, _, rest = name.partition("/")
    module, _, test = rest.partition("::")
    return f"{chapter.split('_', 1)[0]} {module}: {test.removeprefix('test_')}"


def run_pool(slots: list[Slot], items: list, work: Callable[[Slot, object], None]) -> None:
    """Run `work(slot, item)` for every item, one item per free slot at a time.

    A slot whose zygote died is restarted and the item retried once; `work` must
    record its own failures.
    """
    pending: queue.Queue = queue.Queue()
    for item in items:
        pending.put(item)
    errors: list[BaseException] = []

    def worker(slot: Slot) -> None:
        while not errors:
            try:
                item = pending.get_nowait()
            except queue.Empty:
                return
            for attempt in range(2):
                try:
                    work(slot, item)
                    break
                except ZygoteDied:
                    slot.close()
                    if attempt == 1:
                        raise
                    slot.start()
                except BaseException as error:  # noqa: BLE001 - reported by the caller
                    errors.append(error)
                    return

    threads = [threading.Thread(target=_guarded, args=(worker, slot, errors), daemon=True) for slot in slots]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.5)
    if errors:
        raise errors[0]


def _guarded(worker, slot, errors) -> None:
    try:
        worker(slot)
    except BaseException as error:  # noqa: BLE001
        errors.append(error)
