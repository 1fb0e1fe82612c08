"""Sealed grading: the graders' process never runs student code; a student host runs it and answers in plain data.

`kerakit check` runs student code in the graders' process (`LoopbackImplementation`) but
through the same encoding, so graders see the same data in both modes.

The host is a process of its own (in `kerakit grade`, forked before any test
and jailed like the student's process). The graders hold a `RemoteImplementation`:
each attribute read or call of a student function is one request over a pipe, and
each answer is a `wire` message, so what reaches a grader is data decoded by the
grader's process: no object, frame, pipe or module of the grader is reachable from
student code, and nothing the student returns can run in the grader.

Exceptions raised by student code come back as `StudentRaised`, a subclass of the
builtin exception the student's was (ValueError, NotImplementedError, ...) carrying
the type name, the message and the student's file, line and function.

What crosses from grader to student is data too, as `carry` packs it: plain values, NumPy
random generators (whose state comes back after the call), Keras models (whose weights
and flags come back), paths (whose files come back), and the grader's callables and
objects as handles that run in the grader's process. A grader that passes anything that
cannot be packed gets one line saying so.
"""

from __future__ import annotations

import builtins
import os
import select
import struct
import time
import traceback
from pathlib import Path
from typing import Any

import numpy as np

from kerakit.grading import wire
from kerakit.grading.boundary import NotPlainData, to_plain
from kerakit.grading.errors import ExerciseMissing, GradingFailure, SubmissionError
from kerakit.grading.loader import StudentModule

MAX_ANSWER_BYTES = 512 * 2**20  # one answer; more is a broken answer (the graders' memory stays bounded)
# Most specific first: an answer names the first class the failure is an instance of.
HARNESS_FAILURES = {cls.__name__: cls for cls in (ExerciseMissing, NotPlainData, SubmissionError, GradingFailure)}


class HostLost(SubmissionError):
    """The student's process ended or stopped answering; the rest of the submission needs a new one."""


class StudentRaised(Exception):
    """An exception student code raised, as data: type name, message, and where in the student's file."""

    def __init__(self, type_name: str, message: str, file: str, line: int, function: str):
        super().__init__(message)
        self.type_name, self.message, self.file, self.line, self.function = type_name, message, file, line, function

    def __str__(self) -> str:
        return self.message


_RAISED_CLASSES: dict[str, type] = {}


def raised_class(base_name: str) -> type:
    """Return the StudentRaised subclass that is also the builtin exception `base_name` (Exception if unknown)."""
    base = getattr(builtins, base_name, None)
    if not (isinstance(base, type) and issubclass(base, Exception)) or issubclass(base, StudentRaised):
        base = Exception
    if base.__name__ not in _RAISED_CLASSES:
        _RAISED_CLASSES[base.__name__] = type(f"Student{base.__name__}", (StudentRaised, base), {})
    return _RAISED_CLASSES[base.__name__]


def write_frame(fd: int, data: bytes) -> None:
    """Write one length-prefixed frame."""
    data = struct.pack("<Q", len(data)) + data
    while data:
        data = data[os.write(fd, data):]


def read_frame(fd: int, limit: int = MAX_ANSWER_BYTES, deadline: float | None = None) -> bytes | None:
    """Return the next frame's bytes, or None at end of file.

    Raises:
        wire.WireError: the frame announces more than `limit` bytes.
        TimeoutError: `deadline` (time.monotonic) passed first.
    """
    header = _read_exactly(fd, 8, deadline)
    if header is None:
        return None
    (length,) = struct.unpack("<Q", header)
    if length > limit:
        raise wire.WireError(f"an answer of {length} bytes (more than {limit})")
    body = _read_exactly(fd, length, deadline)
    if body is None:
        return None
    return body


def _read_exactly(fd: int, count: int, deadline: float | None) -> bytes | None:
    chunks, received = [], 0
    while received < count:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError("the student's process did not answer in time")
        chunk = os.read(fd, min(count - received, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)


# --- the grader's side -------------------------------------------------------------------------------------


class RemoteImplementation:
    """The implementation under test, reached through a student host; hands graders `RemoteStudentModule`s."""

    SPENT_WHEN_INTERRUPTED = True

    def __init__(self, request_fd: int, answer_fd: int, root: Path, label: str, on_lost=None):
        self.root = Path(root)
        self.label = label
        self._request_fd, self._answer_fd = request_fd, answer_fd
        self.lost: str | None = None  # why the host is gone; every later request fails at once
        self._on_lost = on_lost
        from kerakit.grading.carry import Ledger

        self.ledger = Ledger()  # the grader's objects handed to student code in this test
        self._new_test = False

    def module(self, chapter: str, module: str) -> "RemoteStudentModule":
        """Return the student's `chapter/module` as graders see it."""
        return RemoteStudentModule(self, chapter, module)

    def display_path(self, chapter: str, module: str) -> str:
        """Return the module path as a student reads it."""
        return str(self.root / chapter / f"{module}.py")

    def start_test(self) -> None:
        """Forget the objects handed to student code so far; the host forgets its copies with the next request."""
        self.ledger.forget()
        self._new_test = True

    def ask(self, request: dict, before_raising=None) -> dict:
        """Send one request and return the decoded answer, or raise the failure it reports (after `before_raising(answer)`)."""
        if self.lost:
            raise HostLost(self.lost)
        if self._new_test:
            request, self._new_test = {**request, "new_test": True}, False
        try:
            message = wire.encode(request)
        except wire.WireError as error:
            raise SubmissionError(f"this grader passes student code something sealed grading cannot carry yet ({error})") from None
        try:
            answer = wire.decode(self._exchange(message))
        except HostLost as error:
            self._lose(str(error))
            raise
        except (OSError, wire.WireError) as error:
            self._lose(f"the submission's process sent something that is not an answer ({error})")
            raise HostLost(self.lost) from None
        except BaseException:  # a timeout while waiting: the answer may still come, so the channel is spent
            if self.SPENT_WHEN_INTERRUPTED:
                self._lose("the submission's process was stopped while running your code")
            raise
        if type(answer) is not dict:
            self._lose("the submission's process sent something that is not an answer")
            raise HostLost(self.lost)
        if ("raised" in answer or "failure" in answer) and before_raising is not None:
            before_raising(answer)
        if "raised" in answer:
            raise _rebuild_raised(answer["raised"]) from self._student_error()
        if "failure" in answer:
            failure = answer["failure"] if type(answer["failure"]) is dict else {}
            cls = HARNESS_FAILURES.get(failure.get("kind"), SubmissionError)
            raise cls(str(failure.get("message", "")))
        return answer

    def _student_error(self) -> BaseException | None:
        """Return the exception student code raised, where it is at hand (only for showing its traceback), or None."""
        return None

    def _exchange(self, message: bytes) -> bytes:
        """Send one encoded request and return the encoded answer, answering student code's calls to the grader meanwhile."""
        write_frame(self._request_fd, message)
        while True:
            frame = read_frame(self._answer_fd)
            if frame is None:
                raise HostLost("the submission's process ended while running your code (an exit, a crash or a kill)")
            request = wire.decode(frame)
            if type(request) is not dict or "callback" not in request:
                return frame
            write_frame(self._request_fd, self._run_callback(request))  # student code called a grader's function

    def _run_callback(self, request: dict) -> bytes:
        """Return the encoded reply to student code calling the grader's callable: its packed result, or the error."""
        from kerakit.grading import carry

        function = self.ledger.callbacks.get(request.get("callback"))
        if function is None:
            return wire.encode({"callback_error": "no such function of the grader's"})
        try:
            if "attribute" in request:
                return wire.encode({"callback_result": carry.attribute_of(function, request["attribute"], self.ledger)})
            arguments, keywords = request.get("args"), request.get("kwargs")
            if type(arguments) is not list or type(keywords) is not dict:
                return wire.encode({"callback_error": "a call without arguments"})
            return wire.encode({"callback_result": carry.pack(function(*arguments, **keywords), self.ledger)})
        except Exception as error:  # noqa: BLE001 - reported to the student's code as its call failing
            return wire.encode({"callback_error": f"{type(error).__name__}: {error}"[:2000]})

    def _lose(self, why: str) -> None:
        self.lost = why
        if self._on_lost is not None:
            self._on_lost(why)


def _rebuild_raised(data: Any) -> StudentRaised:
    data = data if type(data) is dict else {}
    text = lambda key: str(data.get(key, ""))[:2000]  # noqa: E731
    line = data.get("line")
    return raised_class(text("base"))(text("type"), text("message"), text("file"), line if type(line) is int else 0,
                                      text("function"))


class StudentHostPlugin:
    """Registered in a grading session whose student code runs in a host: the session grades `implementation`."""

    def __init__(self, implementation: RemoteImplementation):
        self.implementation = implementation


class RemoteStudentModule(StudentModule):
    """A student's module in the student host, as graders see it: a `StudentModule` whose attributes are read there."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        answer = self._implementation.ask({"op": "getattr", "chapter": self._chapter, "module": self._module, "name": name})
        if answer.get("function"):
            return RemoteFunction(self._implementation, {"chapter": self._chapter, "module": self._module, "name": name}, name)
        return answer.get("value")


class RemoteFunction:
    """A student's function in the student host: calls go there, plain data comes back."""

    def __init__(self, implementation: RemoteImplementation, target: dict, name: str):
        self._implementation = implementation
        self._target = target
        self.__name__ = name

    @property
    def defaults(self) -> dict:
        """Return parameter name -> default value of the function's signature, as plain data."""
        return self._ask("defaults", (), {})["value"]

    def __call__(self, *arguments, **keywords) -> Any:
        """Return the function's result, as plain data."""
        return self._ask("call", arguments, keywords)["value"]

    def call(self, *arguments, **keywords):
        """Return the StudentCall: the plain result and the plain arguments after the call."""
        from kerakit.grading.loader import StudentCall

        answer = self._ask("record", arguments, keywords)
        return StudentCall(answer["value"], tuple(answer["arguments"]), dict(answer["keywords"]))

    def traced(self, *arguments) -> Any:
        """Return the function's result inside tf.function, on float32 tensors, as plain data."""
        return self._ask("traced", arguments, {})["value"]

    def returned_function(self, *arguments, **keywords) -> "RemoteFunction":
        """Return the function this student function returns, kept in the host and called there."""
        answer = self._ask("returned", arguments, keywords)
        return RemoteFunction(self._implementation, {"handle": answer["handle"]}, f"the function {self.__name__}(...) returns")

    def _ask(self, mode: str, arguments: tuple, keywords: dict) -> dict:
        from kerakit.grading import carry

        generators = {i: value for i, value in enumerate(arguments) if type(value) is np.random.Generator}
        generators.update({key: value for key, value in keywords.items() if type(value) is np.random.Generator})
        try:
            packed_arguments = carry.pack(list(arguments), self._implementation.ledger)
            packed_keywords = carry.pack(dict(keywords), self._implementation.ledger)
        except (carry.CarryError, GradingFailure, OSError) as error:
            raise SubmissionError(f"this grader passes student code something sealed grading cannot carry yet ({error})") from None
        sent = {**dict(enumerate(packed_arguments)), **packed_keywords}

        def take_back(answer: dict) -> None:
            carry.apply_mirror(arguments, keywords, answer.get("mirror") or {}, self._implementation.ledger, sent)
            states = answer.get("generators") or {}
            for key, generator in generators.items():  # the student drew from the grader's generator: advance it alike
                if key in states:
                    generator.bit_generator.state = states[key]

        answer = self._implementation.ask({"op": "call", "mode": mode, "target": self._target, "name": self.__name__,
                                           "args": packed_arguments, "kwargs": packed_keywords}, before_raising=take_back)
        take_back(answer)
        return answer


# --- the student's side ------------------------------------------------------------------------------------


def serve(request_fd: int, answer_fd: int, implementation, scratch: Path) -> None:
    """Answer requests until the grader closes the channel (in the student host; never returns normally).

    Args:
        scratch: a folder of the student's process for the paths graders hand over.
    """

    def ask_grader(message: bytes) -> bytes:
        write_frame(answer_fd, message)
        frame = read_frame(request_fd)
        if frame is None:
            os._exit(0)
        return frame

    side = StudentSide(implementation, scratch, ask_grader)
    while True:
        frame = read_frame(request_fd, limit=MAX_ANSWER_BYTES)
        if frame is None:
            os._exit(0)
        write_frame(answer_fd, side.answer(frame))


class StudentSide:
    """Runs student code for encoded requests and encodes what comes back; calls to the grader go through `ask_grader`.

    `ask_grader(message) -> reply` carries one encoded call-back request to the grader and
    returns its encoded reply: over the pipes in a student host, directly in one process.
    """

    def __init__(self, implementation, scratch: Path, ask_grader, interruptible: bool = False):
        from kerakit.grading import carry

        self.implementation = implementation
        self._interruptible = interruptible  # in the graders' process: a timeout or Ctrl-C is theirs, not an answer
        self.last_error: BaseException | None = None
        self.handles: dict[int, Any] = {}
        self._ask_grader = ask_grader
        self.context = carry.HostContext(scratch, self._call_grader, self._read_attribute)

    def answer(self, frame: bytes) -> bytes:
        """Return the encoded answer to one encoded request: a value, or the failure as data."""
        try:
            request = wire.decode(frame, extensions=True)
            if type(request) is dict and request.get("new_test"):
                self.context.forget()
            return wire.encode(_answer(request, self.implementation, self.handles, self.context, self._failure))
        except BaseException as error:  # noqa: BLE001 - everything becomes an answer
            return wire.encode(self._failure(error))

    def _failure(self, error: BaseException) -> dict:
        """Return the answer describing `error`; a timeout or Ctrl-C in the graders' own process is theirs and goes on up."""
        if self._interruptible and not isinstance(error, (Exception, SystemExit)):
            raise error
        self.last_error = error
        return _describe(error, self.implementation.root)

    def _call_grader(self, number: int, arguments: tuple, keywords: dict) -> Any:
        return self._ask({"callback": number, "args": to_plain(list(arguments), "the arguments"),
                          "kwargs": to_plain(dict(keywords), "the arguments")})

    def _read_attribute(self, number: int, name: str) -> Any:
        return self._ask({"callback": number, "attribute": name})

    def _ask(self, request: dict) -> Any:
        from kerakit.grading import carry

        reply = wire.decode(self._ask_grader(wire.encode(request)), extensions=True)
        if "callback_error" in reply:
            raise RuntimeError(f"the grader's object failed: {reply['callback_error']}")
        return carry.unpack(reply["callback_result"], self.context)


class LoopbackImplementation(RemoteImplementation):
    """The implementation under test in the graders' own process, reached through the same boundary as a student host.

    `kerakit check` and in-process class grading run student code in the graders'
    process for speed, but graders still hold only what was encoded and decoded on the
    way (and hand over only what `carry` packs), exactly as in sealed grading: the
    verdicts are the same in both modes by construction.
    """

    SPENT_WHEN_INTERRUPTED = False  # a timeout stops the call, and the next call starts afresh

    def __init__(self, implementation, scratch: Path):
        super().__init__(-1, -1, implementation.root, implementation.label)
        self.inner = implementation
        self.side = StudentSide(implementation, Path(scratch), lambda message: self._run_callback(wire.decode(message)),
                                interruptible=True)

    def display_path(self, chapter: str, module: str) -> str:
        return self.inner.display_path(chapter, module)

    def load_module(self, chapter: str, module: str):
        return self.inner.load_module(chapter, module)

    def _exchange(self, message: bytes) -> bytes:
        self.side.last_error = None
        return self.side.answer(message)

    def _student_error(self) -> BaseException | None:
        return self.side.last_error  # `-v` shows the student's own traceback; the verdict reads only the data


def _answer(request: dict, implementation, handles: dict, context, on_failure) -> dict:
    """Return the answer to one decoded request; `on_failure(error)` describes what a student call raised."""
    from kerakit.grading import carry
    from kerakit.grading.loader import StudentFunction

    if request.get("op") == "getattr":
        loaded = implementation.load_module(request["chapter"], request["module"])
        try:
            value = getattr(loaded, request["name"])
        except AttributeError:
            raise ExerciseMissing(f"{implementation.display_path(request['chapter'], request['module'])} has no "
                                  f"`{request['name']}`: keep the name and signature from the stub") from None
        if callable(value):
            return {"function": True}
        return {"value": to_plain(value, f"{request['name']} in {implementation.display_path(request['chapter'], request['module'])}")}
    target = request["target"]
    if "handle" in target:
        function = handles[target["handle"]]
    else:
        loaded = implementation.load_module(target["chapter"], target["module"])
        function = StudentFunction(getattr(loaded, target["name"]), target["name"])
    packed_arguments, packed_keywords, mode = tuple(request["args"]), dict(request["kwargs"]), request["mode"]
    arguments, keywords = carry.unpack(packed_arguments, context), carry.unpack(packed_keywords, context)
    answer: dict = {}
    try:
        if mode == "defaults":
            answer["value"] = function.defaults
        elif mode == "call":
            answer["value"] = function(*arguments, **keywords)
        elif mode == "record":
            record = function.call(*arguments, **keywords)
            answer.update(value=record.result, arguments=list(record.arguments), keywords=record.keywords)
        elif mode == "traced":
            answer["value"] = function.traced(*arguments)
        elif mode == "returned":
            handles[len(handles) + 1] = function.returned_function(*arguments, **keywords)
            answer["handle"] = len(handles)
        else:
            raise SubmissionError(f"unknown request {mode!r}")
    except BaseException as error:  # noqa: BLE001 - what the call left behind is reported with the failure
        answer = on_failure(error)
    # What the call left in the grader's objects comes back even when it raised: a function that trains the
    # grader's model and then fails has still trained it, as it would have in one process.
    answer["mirror"] = carry.mirror(arguments, keywords, packed_arguments, packed_keywords, context)
    answer["generators"] = {key: value.bit_generator.state for key, value in [*enumerate(arguments), *keywords.items()]
                            if type(value) is np.random.Generator}
    return answer


def _describe(error: BaseException, root: Path) -> dict:
    """Return the answer for an exception: a harness failure by kind, or what the student's code raised."""
    if isinstance(error, tuple(HARNESS_FAILURES.values())):
        name = next(name for name, cls in HARNESS_FAILURES.items() if isinstance(error, cls))
        return {"failure": {"kind": name, "message": _safe_text(error)}}
    base = next((cls.__name__ for cls in type(error).__mro__ if cls.__module__ == "builtins" and issubclass(cls, Exception)),
                "Exception")
    frame = None
    for summary in traceback.extract_tb(error.__traceback__):
        try:
            Path(summary.filename).resolve().relative_to(Path(root).resolve())
            frame = summary
        except ValueError:
            continue
    return {"raised": {"type": type(error).__name__[:100], "base": base, "message": _safe_text(error),
                       "file": Path(frame.filename).name if frame else "", "line": frame.lineno if frame else 0,
                       "function": frame.name if frame else ""}}


def _safe_text(error: BaseException) -> str:
    try:
        return str(error)[:4000]
    except BaseException:  # noqa: BLE001 - a student's __str__ may raise
        return "(no message)"
