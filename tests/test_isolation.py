"""Each grader module runs in its own forked child: crashes and hangs cost one test, results match in-process grading."""

from __future__ import annotations

import json

import pytest

from kerakit.grading.isolation import module_groups

pytest_plugins = ["pytester"]

GRADER_CRASHY = '''
import os
import time

import pytest


@pytest.mark.points(1)
def test_before():
    """Runs before the crash."""
    assert os.getpid() != int(os.environ["SESSION_PID"]), "a graded test ran in the session's own process"


@pytest.mark.points(2)
def test_exits():
    """Code under test that ends the interpreter."""
    os._exit(7)


@pytest.mark.points(1)
def test_after_exit():
    """The module goes on in a new child."""


@pytest.mark.points(3)
@pytest.mark.timeout(1)
def test_hangs_past_its_limit():
    """Code under test that blocks the timeout signal and sleeps."""
    import signal
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


@pytest.mark.points(1)
def test_last():
    """Still graded."""
'''

GRADER_PLAIN = '''
import os

import pytest

_seen = []


@pytest.mark.points(1)
def test_one():
    """First test of its module."""
    _seen.append(os.getpid())


@pytest.mark.points(1)
def test_two_shares_the_module_process():
    """Second test of the module: same child as the first, another than the crashy module's."""
    assert _seen == [os.getpid()]


@pytest.mark.points(1)
def test_fails():
    """A plain failure."""
    assert 1 == 2, "one is not two"
'''

CONFTEST = '''
import os

import kerakit.grading.isolation as isolation

os.environ["SESSION_PID"] = str(os.getpid())
isolation.WATCHDOG_MARGIN_SECONDS = 2.0  # the parent stops a hung child 2 s past the test's own limit
'''


@pytest.fixture
def suite(pytester: pytest.Pytester, monkeypatch) -> pytest.Pytester:
    monkeypatch.delenv("KERAKIT_ROOT", raising=False)
    pytester.makepyfile(test_crashy=GRADER_CRASHY, test_plain=GRADER_PLAIN)
    pytester.makeconftest(CONFTEST)
    return pytester


def graded(pytester: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, dict[str, dict]]:
    report = pytester.path / "report.json"
    run = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--kerakit-json", str(report), *args, timeout=120)
    results = {r["name"].split("::")[1]: r for r in json.loads(report.read_text())["tests"]}
    return run, results


def test_a_crash_or_a_hang_costs_only_the_test_it_happened_in(suite):
    run, results = graded(suite)
    assert results["test_before"]["status"] == "passed"
    exits = results["test_exits"]
    assert exits["points"] == 0 and exits["status"] == "error"
    assert "grading process ended during this test (exit status 7)" in exits["feedback"]
    assert results["test_after_exit"]["status"] == "passed"
    hangs = results["test_hangs_past_its_limit"]
    assert hangs["points"] == 0 and hangs["status"] == "timeout" and "limit of 1 s" in hangs["feedback"]
    assert results["test_last"]["status"] == "passed"
    assert [results[t]["status"] for t in ("test_one", "test_two_shares_the_module_process", "test_fails")] == \
           ["passed", "passed", "failed"]
    assert "one is not two" in results["test_fails"]["feedback"]
    run.assert_outcomes(passed=5, failed=3)
    assert "Traceback" not in run.stdout.str()


def test_in_process_grading_gives_the_same_points_for_ordinary_tests(suite):
    suite.makepyfile(test_crashy="")  # its tests cannot run in the session's own process
    _, forked = graded(suite)
    _, in_process = graded(suite, "--kerakit-isolate", "none")
    assert {name: (r["points"], r["status"]) for name, r in forked.items()} == \
           {name: (r["points"], r["status"]) for name, r in in_process.items()}


def test_first_failure_stops_the_run_across_modules(suite):
    run, results = graded(suite, "-x")
    assert set(results) == {"test_before", "test_exits"}
    run.assert_outcomes(passed=1, failed=1)


def test_module_groups_cut_runs_of_one_file(pytester):
    pytester.makepyfile(test_a="def test_1(): pass\ndef test_2(): pass\n", test_b="def test_3(): pass\n")
    items, _ = pytester.inline_genitems()
    assert [[item.name for item in group] for group in module_groups(items)] == [["test_1", "test_2"], ["test_3"]]


def test_a_keras_object_built_at_import_is_named_as_why_nothing_forks(pytester, monkeypatch):
    pytest.importorskip("keras")
    monkeypatch.delenv("KERAKIT_ROOT", raising=False)
    pytester.makepyfile(test_eager='''
        import os

        import keras
        import pytest

        LAYER = keras.layers.Dense(2)
        LAYER.build((None, 3))  # creates variables: TensorFlow's runtime starts during collection


        @pytest.mark.points(1)
        def test_runs_here():
            """Runs in the session's own process."""
            assert os.getpid() == int(os.environ["SESSION_PID"])
    ''')
    pytester.makeconftest("import os\nos.environ['SESSION_PID'] = str(os.getpid())\n")
    run = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    run.assert_outcomes(passed=1)
    assert "TensorFlow's runtime started while the tests were collected" in run.stdout.str()
