"""What a submission's child sends the parent cannot stop the class: forged records, unknown names, a flood.

Issue 15's attacks on the parent, tried on the parent's own code with a fake worker (no zygote,
no TensorFlow): records are what a student's code could write into its record stream.
"""

from __future__ import annotations

import io
import json
import os
from types import SimpleNamespace

from kerakit.batch import runner
from kerakit.batch.limits import Limits
from kerakit.batch.outcomes import CatalogTest, Outcomes
from kerakit.batch.runner import JobEnd, grade_in_slot

FIRST, SECOND = "ch01_toy/mod::test_first", "ch01_toy/mod::test_second"


class ScriptedSlot:
    """A worker whose child sends `records`, with the fake clock advanced by `step` seconds after each one."""

    def __init__(self, records, clock, step=0.0):
        self.records, self.clock, self.step, self.runs = records, clock, step, 0

    def run(self, job, on_record, watchdog):
        self.runs += 1
        for record in self.records:
            on_record(record)
            self.clock.now += self.step
            reason = watchdog()
            if reason:
                return JobEnd(None, 9, reason)
        return JobEnd(0, None, None)


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def outcomes():
    return Outcomes([CatalogTest(FIRST, 2.0, timeout=10.0), CatalogTest(SECOND, 3.0, timeout=10.0)])


def test_a_forged_start_with_an_unknown_name_zeroes_only_this_submission():
    clock = FakeClock()
    slot = ScriptedSlot([{"type": "start", "name": "no/such::test"}, {"type": "start", "name": 42}, {"type": "done"}], clock)
    results = outcomes()
    reasons = grade_in_slot(slot, {"kind": "grade"}, results, Limits(), clock=clock)  # no KeyError in the watchdog
    assert not results.remaining and all(result.points == 0 for result in results.results.values())
    assert reasons or all(result.feedback for result in results.results.values())


def test_repeated_start_lines_cannot_restart_a_tests_clock():
    clock = FakeClock()
    forged = [{"type": "start", "name": FIRST}] + [{"type": "start", "name": name} for name in [FIRST, SECOND] * 20]
    slot = ScriptedSlot(forged, clock, step=1.0)  # one second between records: 41 s in all, the test's limit is 10 s
    results = outcomes()
    grade_in_slot(slot, {"kind": "grade"}, results, Limits(timeout=900.0), clock=clock)
    # each test is stopped at its own limit (10 s + grace), one after the other, not at the submission's 900 s
    assert all("took longer than 10 s" in result.feedback for result in results.results.values()), results.results
    assert slot.runs == 2 and clock.now <= 2 * (10.0 + runner.grace_seconds(10.0) + 2.0)


def test_a_forged_result_for_a_test_not_running_is_ignored():
    clock = FakeClock()
    records = [{"type": "result", "name": SECOND, "status": "passed"}, {"type": "start", "name": FIRST},
               {"type": "result", "name": FIRST, "status": "failed", "feedback": "wrong"}, {"type": "done"}]
    results = outcomes()
    grade_in_slot(ScriptedSlot(records, clock), {"kind": "grade"}, results, Limits(), clock=clock)
    assert results.results[SECOND].points == 0 and results.results[FIRST].points == 0


def fake_worker(lines: list[bytes]):
    """Return a Slot whose zygote 'sends' `lines` (already written into a pipe) and never dies."""
    read_end, write_end = os.pipe()
    slot = runner.Slot(0, run_dir=None, preload=[], sandbox_uid=False)
    slot.process = SimpleNamespace(stdin=io.BytesIO(), stdout=os.fdopen(read_end, "rb"), poll=lambda: None)
    writer = os.fdopen(write_end, "wb")
    return slot, writer


def test_a_record_flood_is_stopped_and_never_stored(monkeypatch):
    killed = []
    monkeypatch.setattr(runner, "kill_submission", lambda pid, uid: killed.append(pid))
    monkeypatch.setattr(runner, "MAX_JOB_RECORD_BYTES", 50_000)
    slot, writer = fake_worker([])
    record = json.dumps({"event": "record", "record": {"type": "log", "text": "x" * 1000}}).encode() + b"\n"

    import threading

    def feed():
        writer.write(json.dumps({"event": "forked", "pid": 999999}).encode() + b"\n")
        for _ in range(200):  # 200 KB: four times the cap
            writer.write(record)
        writer.write(json.dumps({"event": "exit", "code": None, "signal": 9}).encode() + b"\n")
        writer.close()

    thread = threading.Thread(target=feed)
    thread.start()
    seen = []
    end = slot.run({"kind": "grade"}, seen.append, lambda: None)
    thread.join()
    assert killed == [999999] and "flood" in end.killed_because
    assert len(seen) < 60 and end.records == []  # handled up to the cap, none kept
