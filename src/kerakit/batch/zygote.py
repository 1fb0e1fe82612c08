"""A warm worker: imports the grading stack once, then forks one child per job.

The parent (`runner.Slot`) starts one zygote per worker slot and talks to it in JSON
lines over its stdin and stdout. For each job the zygote forks; the child runs
`child.run_grading` (or `run_catalog`) and writes its records to a fresh pipe, which
the zygote relays to the parent line by line. No student code ever runs in the
zygote, and the child closes the zygote's channel before running anything, so a
submission can only speak through its own pipe.

Forking after `import tensorflow` is safe here because no TensorFlow op or thread
pool has run in the zygote yet; each child starts its own.
"""

from __future__ import annotations

import importlib
import json
import os
import select
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
MAX_LINE = 256 * 1024  # a longer record is cut off and dropped
MAX_RECORDS = 20000  # per job; beyond this, records are dropped (a flood)


def main() -> None:
    """Serve jobs from stdin until it closes."""
    from kerakit.batch.sandbox import _prctl

    _prctl(PR_SET_CHILD_SUBREAPER, 1)  # orphans of a submission become ours, so we can reap them
    channel_in = os.dup(0)
    channel_out = os.dup(1)
    os.dup2(2, 1)  # anything printed while importing goes to the zygote's log, not the channel
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    reader = os.fdopen(channel_in, "r")
    writer = os.fdopen(channel_out, "w", buffering=1)

    def send(**message) -> None:
        writer.write(json.dumps(message) + "\n")
        writer.flush()

    config = json.loads(reader.readline())
    started = time.perf_counter()
    for name in ["pytest", "kerakit.grading.plugin", "kerakit.batch.child", *config.get("preload", [])]:
        importlib.import_module(name)
    send(event="ready", seconds=round(time.perf_counter() - started, 3), pid=os.getpid())
    for line in reader:
        job = json.loads(line)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            os.close(channel_in)
            os.close(channel_out)
            _run_child(job, write_end)
        os.close(write_end)
        send(event="forked", pid=pid)
        status = _relay(read_end, pid, send)
        os.close(read_end)
        send(event="exit", **status)
        _reap_orphans()


def _run_child(job: dict, records_fd: int) -> None:
    """Run the job in the forked child and never return."""
    code = 70
    try:
        from kerakit.batch.sandbox import PR_SET_PDEATHSIG, _prctl

        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # a child outliving its worker would go on killing by its slot's uid
        if os.getppid() == 1:
            os._exit(code)
        from kerakit.batch import child

        run = child.run_catalog if job["kind"] == "catalog" else child.run_grading
        code = run(job, records_fd)
    except SystemExit as error:
        code = error.code if isinstance(error.code, int) else 1
    except BaseException:  # noqa: BLE001 - the child must always end with os._exit
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001
            pass
        os._exit(code)


def _relay(read_end: int, pid: int, send) -> dict:
    """Forward the child's lines until it has exited; return its exit status as a dict."""
    parent = os.getppid()
    buffer = b""
    records = 0
    status = None
    drain_until = None
    while True:
        if drain_until is not None and time.monotonic() > drain_until:
            break  # a leftover process still holds the pipe open: stop listening to it
        if os.getppid() != parent:  # the grading run was killed: take the child with us
            _kill_group(pid)
            os._exit(1)
        ready, _, _ = select.select([read_end], [], [], 0.2)
        chunk = os.read(read_end, 1 << 16) if ready else b""
        if chunk:
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            if len(buffer) > MAX_LINE:
                buffer = b""
            for raw in lines:
                records += 1
                if records > MAX_RECORDS or len(raw) > MAX_LINE:
                    continue
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    try:
                        send(event="record", record=record)
                    except OSError:  # the grading run is gone: take the child with us
                        _kill_group(pid)
                        os._exit(1)
            continue
        if status is None:
            done, raw_status = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw_status
                drain_until = time.monotonic() + 1.0
                continue  # drain what is left, then stop
        if status is not None and not ready:
            break
        if ready and not chunk:  # end of file: every writer closed
            if status is None:
                _, status = os.waitpid(pid, 0)
            break
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status), "code": None}
    return {"signal": None, "code": os.WEXITSTATUS(status)}


def _reap_orphans() -> None:
    """Collect every exited process left by a submission (zombies would count against its uid's process cap)."""
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)  # some are still being killed


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


if __name__ == "__main__":
    main()
