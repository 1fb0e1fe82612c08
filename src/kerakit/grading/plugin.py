"""The kerakit pytest plugin: picks the code under test, seeds, scores and reports every graded test.

Loaded automatically (entry point `pytest11`). It stays inert for tests without a
`points` marker, so it never gets in the way of ordinary test suites.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest

from kerakit import KIT_SEED
from kerakit.grading import isolation
from kerakit.grading.feedback import NOT_IMPLEMENTED, PASSED, SKIPPED, Feedback, feedback_for
from kerakit.grading.loader import Implementation, resolve_implementation
from kerakit.grading.memory import limit_malloc_arenas, release_memory, resident_bytes
from kerakit.grading.reports import HIDDEN, VISIBLE, ExerciseResult, GradingReport, render_table, to_gradescope, to_kerakit_json, write_json
from kerakit.grading.seeding import quiet_tensorflow, seed_everything, set_session_seed
from kerakit.grading.thresholds import FloorBook, load_thresholds
from kerakit.paths import find_kit_root

quiet_tensorflow()
limit_malloc_arenas()

DEFAULT_TIMEOUT_SECONDS = 120.0
GRADING_STATE = pytest.StashKey["GradingState"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("kerakit", "kerakit grading")
    # Every option carries the --kerakit- prefix: the plugin loads into every pytest run of the
    # environment. The short names of the first release stay as aliases.
    group.addoption("--kerakit-impl", "--impl", dest="kerakit_impl", default="chapters", metavar="chapters|solutions|PATH",
                    help="whose code the graders exercise: chapters (default), solutions, or a folder")
    group.addoption("--kerakit-seed", type=int, default=KIT_SEED, metavar="N",
                    help=f"seed for Python, NumPy and Keras in every graded test (default {KIT_SEED})")
    group.addoption("--kerakit-json", metavar="PATH", help="write the kerakit JSON report to PATH")
    group.addoption("--kerakit-gradescope", "--gradescope", dest="kerakit_gradescope", metavar="PATH", help="write Gradescope's results.json to PATH")
    group.addoption("--kerakit-calibrate", action="store_true",
                    help="record metric measurements without checking floors (used by `kerakit calibrate`)")
    group.addoption("--kerakit-timeout", type=float, default=DEFAULT_TIMEOUT_SECONDS, metavar="SECONDS",
                    help="default wall-clock limit per graded test; an exercise raises it with @pytest.mark.timeout")
    group.addoption("--kerakit-no-table", action="store_true", help="do not print the points table")
    isolation.addoption(group)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "points(n): how many points the test is worth (makes it a graded test)")
    config.addinivalue_line("markers", "visibility(kind): 'visible' (default) or 'hidden' (instructor-only)")
    config.stash[GRADING_STATE] = GradingState(config)
    set_session_seed(config.stash[GRADING_STATE].seed)
    isolation.note_runtime_before_collection(config)


class GradingState:
    """Everything one pytest session knows about grading: options, implementation, results."""

    def __init__(self, config: pytest.Config):
        self.config = config
        self.seed: int = config.getoption("kerakit_seed")
        self.impl_spec: str = config.getoption("kerakit_impl")
        self.calibrating: bool = config.getoption("kerakit_calibrate")
        self.results: dict[str, ExerciseResult] = {}
        self.failures: dict[str, Feedback] = {}  # nodeid -> why it earned no points (a failure or a skip)
        self.durations: dict[str, float] = {}
        self.started = time.perf_counter()
        self._implementation: Implementation | None = None
        self._floors = None

    @property
    def kit_root(self) -> Path:
        return find_kit_root(Path(self.config.rootpath))

    @property
    def implementation(self) -> Implementation:
        if self._implementation is None:
            from kerakit.grading.sealed import StudentHostPlugin

            host = next((p for p in self.config.pluginmanager.get_plugins() if isinstance(p, StudentHostPlugin)), None)
            self._implementation = host.implementation if host is not None else _in_this_process(
                resolve_implementation(self.impl_spec, self.kit_root))
        return self._implementation

    @property
    def floors(self):
        if self._floors is None:
            self._floors = load_thresholds(self.kit_root / "graders" / "thresholds.toml")
        return self._floors

    def report(self) -> GradingReport:
        label = self._implementation.label if self._implementation else self.impl_spec
        return GradingReport(label, list(self.results.values()), time.perf_counter() - self.started, self.seed)


def _in_this_process(implementation: Implementation):
    """Return the implementation reached through the sealed boundary's encoding, with student code run in this process."""
    import atexit
    import shutil
    import tempfile

    from kerakit.grading.sealed import LoopbackImplementation

    scratch = Path(tempfile.mkdtemp(prefix="kerakit-paths-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    return LoopbackImplementation(implementation, scratch)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    state = item.config.stash.get(GRADING_STATE, None)
    if state is not None and state._implementation is not None:
        state._implementation.start_test()  # what one test handed to student code is not kept for the next


def is_graded(item: pytest.Item) -> bool:
    """Return True when the test carries a `points` marker."""
    return item.get_closest_marker("points") is not None


def points_of(item: pytest.Item) -> float:
    """Return the points a graded test is worth."""
    marker = item.get_closest_marker("points")
    return float(marker.args[0]) if marker.args else 1.0


def visibility_of(item: pytest.Item) -> str:
    """Return "visible" or "hidden" from the test's `visibility` marker."""
    marker = item.get_closest_marker("visibility")
    kind = marker.args[0] if marker and marker.args else VISIBLE
    if kind not in (VISIBLE, HIDDEN):
        raise pytest.UsageError(f"{item.nodeid}: visibility must be 'visible' or 'hidden', got {kind!r}")
    return kind


def exercise_name(item: pytest.Item) -> str:
    """Return "chapter/module::test" for a grader test in graders/<chapter>/test_<module>.py."""
    path = Path(str(item.path))
    return f"{path.parent.name}/{path.stem.removeprefix('test_')}::{item.name}"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    default_timeout = config.getoption("kerakit_timeout")
    for item in items:
        if is_graded(item):
            visibility_of(item)
            if item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(default_timeout))


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session):
    """Run each module of graded tests in its own forked child where that is safe (see `isolation`)."""
    if not any(is_graded(item) for item in session.items):
        return None  # pytest's own loop
    if not isolation.can_isolate(session):
        reason = isolation.why_not_isolated(session)
        if reason:
            session.config.get_terminal_writer().line(f"kerakit: every grader module runs in this process: {reason}")
        return None
    isolation.run_session(session, is_graded, _record_lost_test)
    return True


def _record_lost_test(item: pytest.Item, feedback: Feedback) -> None:
    """Score a test whose grading process died or hung: no points, the one line saying so."""
    state = item.config.stash[GRADING_STATE]
    state.failures[item.nodeid] = feedback
    state.results[item.nodeid] = _result_for(item, state)


@pytest.fixture(scope="session")
def kerakit_impl(request: pytest.FixtureRequest) -> Implementation:
    """The implementation under test (chapters/, solutions/ or a student's folder)."""
    return request.config.stash[GRADING_STATE].implementation


@pytest.fixture
def kerakit_seed(request: pytest.FixtureRequest) -> int:
    """The kit seed of this session (`--kerakit-seed`)."""
    return request.config.stash[GRADING_STATE].seed


@pytest.fixture
def rng(kerakit_seed: int) -> np.random.Generator:
    """A NumPy Generator seeded from the kit seed, for drawing fresh random test inputs."""
    return np.random.default_rng(kerakit_seed)


@pytest.fixture
def floors(request: pytest.FixtureRequest) -> FloorBook:
    """The calibrated metric floors of the grader's chapter; `floors.check(name, value, description, direction)`."""
    state = request.config.stash[GRADING_STATE]
    book = FloorBook(state.floors, calibrating=state.calibrating, chapter=Path(str(request.node.path)).parent.name)
    request.node.stash[_FLOOR_BOOK] = book
    return book


_FLOOR_BOOK = pytest.StashKey[FloorBook]()


class SharedResults:
    """Results computed once and shared by the tests of one grader module (a trained model, a measurement).

    A computation that fails fails every test that asks for it, with the same feedback.
    """

    def __init__(self):
        self._results: dict = {}

    def get(self, key, compute):
        """Return `compute()`, computed the first time `key` is asked for and remembered for the module's other tests.

        Example:
            accuracy = shared.get("plain", lambda: train_and_measure(small_data.build_small_convnet()))
        """
        if key not in self._results:
            try:
                self._results[key] = (True, compute())
            except Exception as error:  # the student's crash or a GradingFailure: every test that shares it reports it
                self._results[key] = (False, error)
        computed, value = self._results[key]
        if not computed:
            raise value
        return value


@pytest.fixture(scope="module")
def shared() -> SharedResults:
    """What the tests of one grader module share: `shared.get(key, compute)` computes once."""
    return SharedResults()


@pytest.fixture(autouse=True)
def _kerakit_seeding(request: pytest.FixtureRequest):
    """Seed every graded test from the kit seed and free Keras state afterwards."""
    if not is_graded(request.node):
        yield
        return
    seed_everything(request.config.stash[GRADING_STATE].seed)
    yield
    if "keras" in sys.modules:
        # gc.collect() costs ~0.2 s, so only when the test left much more memory behind (a chapter stays under 1 GB).
        grown = resident_bytes() > _memory_mark[0] + FREE_MEMORY_ABOVE
        sys.modules["keras"].backend.clear_session(free_memory=False)
        if grown:
            release_memory()
            _memory_mark[0] = resident_bytes()


FREE_MEMORY_ABOVE = 64 * 2**20
_memory_mark = [0]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if not is_graded(item):
        return
    state = item.config.stash[GRADING_STATE]
    state.durations[item.nodeid] = state.durations.get(item.nodeid, 0.0) + report.duration
    if report.failed and call.excinfo is not None:
        root = state._implementation.root if state._implementation else None
        feedback = feedback_for(call.excinfo.value, root)
        state.failures.setdefault(item.nodeid, feedback)  # the first failure (setup, call or teardown) decides
        if visibility_of(item) == HIDDEN:  # every failing phase, so a failing teardown cannot show the source either
            report.longrepr = feedback.line
        elif item.config.get_verbosity() < 1:
            report.longrepr = feedback.text
    if report.skipped and item.nodeid not in state.failures:
        # Remembered here: teardown still runs after a skip and reports "passed".
        state.failures[item.nodeid] = _skip_feedback(report)
    if report.when == "teardown":
        state.results[item.nodeid] = _result_for(item, state)


def _skip_feedback(report: pytest.TestReport) -> Feedback:
    """Return the Feedback for a skipped (or xfailed) test, giving its reason."""
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else getattr(report, "wasxfail", "") or "skipped"
    return Feedback(SKIPPED, str(reason).removeprefix("Skipped: "))


def _result_for(item: pytest.Item, state: GradingState) -> ExerciseResult:
    feedback = state.failures.get(item.nodeid)
    status = feedback.status if feedback else PASSED
    max_points = points_of(item)
    book = item.stash.get(_FLOOR_BOOK, None)
    docstring = (getattr(item, "obj", None).__doc__ or "").strip()
    visibility = visibility_of(item)
    return ExerciseResult(
        name=exercise_name(item),
        title=docstring.splitlines()[0] if docstring else "",
        points=max_points if status == PASSED else 0.0,
        max_points=max_points,
        status=status,
        feedback=feedback.line if feedback else "",
        details=feedback.details if feedback and visibility != HIDDEN else "",
        visibility=visibility,
        duration=round(state.durations.get(item.nodeid, 0.0), 3),
        measurements=[vars(m) for m in (book.measurements if book else [])],
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    state = config.stash[GRADING_STATE]
    if not state.results or config.getoption("kerakit_no_table"):
        return
    report = state.report()
    terminalreporter.write_sep("=", "kerakit points")
    terminalreporter.write_line(render_table(report))
    if any(r.status == NOT_IMPLEMENTED for r in report.results):
        terminalreporter.write_line("\nFill in the functions marked 'not implemented yet', then run again.")


def pytest_sessionfinish(session: pytest.Session, exitstatus) -> None:
    state = session.config.stash.get(GRADING_STATE, None)
    if state is None or not state.results:
        return
    report = state.report()
    json_path = session.config.getoption("kerakit_json")
    if json_path:
        write_json(Path(json_path), to_kerakit_json(report))
    gradescope_path = session.config.getoption("kerakit_gradescope")
    if gradescope_path:
        write_json(Path(gradescope_path), to_gradescope(report))
