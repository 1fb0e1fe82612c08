"""The sealed boundary end to end: a student host in a forked process, a grader holding only what comes back."""

from __future__ import annotations

import os
import signal
import textwrap

import numpy as np
import pytest

from kerakit.grading.errors import ExerciseMissing, SubmissionError
from kerakit.grading.feedback import NOT_IMPLEMENTED, feedback_for
from kerakit.grading.loader import Implementation
from kerakit.grading.sealed import HostLost, RemoteImplementation, StudentRaised, serve

STUDENT = '''
import numpy as np

SIZE = 3

def double(x):
    return 2 * x

def draw(rng, n):
    return rng.random(n)

def fails(kind):
    if kind == "value":
        raise ValueError("bad temperature")
    raise NotImplementedError("not implemented yet")

def builds(build, k):
    return [build(i) for i in range(k)]

def fits(model):
    history = model.fit(np.arange(4.0))
    return history.history["loss"]

def private(model):
    return model._secret

def writes(folder):
    (folder / "out.txt").write_text("written " + (folder / "in.txt").read_text())
    return "ok"

def sneaky():
    return Anything()

class Anything(float):
    def __eq__(self, other):
        return True

def leave():
    import os
    os._exit(3)
'''


class StandIn:
    """A grader's stand-in model: records fits, keeps a private value."""

    def __init__(self):
        self.fitted = []
        self._secret = "4242"

    def fit(self, x):
        self.fitted.append(np.asarray(x).copy())
        return Recorded({"loss": [float(np.sum(x))]})


class Recorded:
    def __init__(self, history):
        self.history = history


@pytest.fixture(params=["host", "loopback"])
def host(tmp_path, request):
    """`chapter/student.py` from tmp_path served by a student host in a forked process, or in this one through the same encoding."""
    (tmp_path / "chapter").mkdir()
    (tmp_path / "chapter" / "student.py").write_text(textwrap.dedent(STUDENT))
    if request.param == "loopback":
        from kerakit.grading.sealed import LoopbackImplementation

        yield LoopbackImplementation(Implementation(tmp_path, label="tmp"), tmp_path / "scratch")
        return
    request_read, request_write = os.pipe()
    answer_read, answer_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(request_write)
            os.close(answer_read)
            serve(request_read, answer_write, Implementation(tmp_path, label="tmp"), tmp_path / "scratch")
        finally:
            os._exit(1)
    os.close(request_read)
    os.close(answer_write)
    implementation = RemoteImplementation(request_write, answer_read, tmp_path, "tmp")
    yield implementation
    os.close(request_write)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def test_calls_values_and_generators_cross_as_data(host):
    student = host.module("chapter", "student")
    assert student.SIZE == 3 and student.double(21) == 42
    assert np.array_equal(student.double(np.arange(3)), np.array([0, 2, 4]))
    rng, twin = np.random.default_rng(7), np.random.default_rng(7)
    assert np.array_equal(student.draw(rng, 4), twin.random(4))
    assert np.array_equal(rng.random(2), twin.random(2))  # the grader's generator moved as the student drew from it


def test_exceptions_come_back_as_their_builtin_kind_with_the_student_line(host):
    student = host.module("chapter", "student")
    with pytest.raises(ValueError, match="bad temperature") as raised:
        student.fails("value")
    assert isinstance(raised.value, StudentRaised) and raised.value.file == "student.py" and raised.value.line > 0
    with pytest.raises(NotImplementedError) as raised:
        student.fails("stub")
    feedback = feedback_for(raised.value, None)
    assert feedback.status == NOT_IMPLEMENTED and feedback.line == "not implemented yet: fails() in student.py"
    with pytest.raises(ExerciseMissing, match="has no `missing`"):
        student.missing


def test_grader_callables_and_objects_run_in_the_graders_process(host):
    student = host.module("chapter", "student")
    assert student.builds(lambda i: i * 10, 3) == [0, 10, 20]
    stand_in = StandIn()
    assert student.fits(stand_in) == [6.0]
    assert len(stand_in.fitted) == 1 and np.array_equal(stand_in.fitted[0], np.arange(4.0))
    with pytest.raises(AttributeError, match="_secret"):  # only public attributes cross
        student.private(stand_in)


def test_a_path_is_handed_over_and_what_is_written_comes_back(host, tmp_path):
    folder = tmp_path / "given"
    folder.mkdir()
    (folder / "in.txt").write_text("hello")
    assert host.module("chapter", "student").writes(folder) == "ok"
    assert (folder / "out.txt").read_text() == "written hello"


def test_objects_that_are_not_plain_data_never_reach_the_grader(host):
    from kerakit.grading.boundary import NotPlainData

    with pytest.raises(NotPlainData, match="Anything"):
        host.module("chapter", "student").sneaky()


def test_a_lost_host_fails_the_call_and_every_later_one_in_one_line(host):
    if not host.SPENT_WHEN_INTERRUPTED:
        pytest.skip("in one process, os._exit ends the graders too (kerakit check forks per grader module for that)")
    student = host.module("chapter", "student")
    with pytest.raises(HostLost, match="ended while running your code"):
        student.leave()
    with pytest.raises(SubmissionError, match="ended"):
        student.double(1)
    assert host.lost


def test_what_the_student_side_reports_changes_only_what_the_grader_sent_as_such(tmp_path, monkeypatch):
    from kerakit.grading import carry
    from kerakit.grading.wire import Extension

    monkeypatch.chdir(tmp_path)
    given = tmp_path / "given"
    given.mkdir()
    sent = {0: "relu", 1: Extension("path", {"name": "given", "is_dir": True, "files": {}})}
    mirror = {"arguments": {0: {"is_dir": False, "files": {"": b"planted"}},  # the grader sent a plain string
                            1: {"is_dir": True, "files": {"out.txt": b"ok", "../escaped.txt": b"no", "": b"no"}}},
              "models": {5: {"weights": []}}}
    ledger = carry.Ledger()
    mirror["models"] = {ledger.register(print): {"weights": []}}  # a callable, not a model, under that number
    carry.apply_mirror(("relu", given), {}, mirror, ledger, sent)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["given", "out.txt"]
    assert (given / "out.txt").read_bytes() == b"ok"


MODELS_STUDENT = '''
import numpy as np

def model_id(model):
    return id(model)

def weight_sum(model):
    return float(sum(np.sum(w) for w in model.get_weights()))

def train_alone(discriminator, x, y):
    discriminator.trainable = True
    return float(discriminator.train_on_batch(x, y))

def train_through(combined, discriminator, x, y):
    discriminator.trainable = False  # freezes it inside `combined` too: the same model
    return float(combined.train_on_batch(x, y))
'''


@pytest.fixture
def keras_host(tmp_path):
    """A student host serving MODELS_STUDENT in a fresh Python process (TensorFlow does not survive a fork of this one)."""
    import subprocess
    import sys

    (tmp_path / "chapter").mkdir()
    (tmp_path / "chapter" / "student.py").write_text(textwrap.dedent(MODELS_STUDENT))
    request_read, request_write = os.pipe()
    answer_read, answer_write = os.pipe()
    code = ("import sys; from pathlib import Path; from kerakit.grading.loader import Implementation; "
            "from kerakit.grading.sealed import serve; "
            f"serve({request_read}, {answer_write}, Implementation(Path({str(tmp_path)!r}), label='tmp'), Path({str(tmp_path)!r}) / 'scratch')")
    process = subprocess.Popen([sys.executable, "-c", code], pass_fds=(request_read, answer_write))
    os.close(request_read)
    os.close(answer_write)
    yield RemoteImplementation(request_write, answer_read, tmp_path, "tmp")
    os.close(request_write)
    process.kill()
    process.wait()


def test_models_stay_on_the_student_side_between_calls_and_keep_what_they_share(keras_host):
    import keras

    keras.utils.set_random_seed(0)
    generator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)], name="generator")
    discriminator = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")], name="discriminator")
    discriminator.compile(optimizer="sgd", loss="binary_crossentropy")
    discriminator.trainable = False
    latent = keras.Input((4,))
    combined = keras.Model(latent, discriminator(generator(latent)))
    combined.compile(optimizer="sgd", loss="binary_crossentropy")
    student = keras_host.module("chapter", "student")
    x, y = np.ones((8, 4), "float32"), np.ones((8, 1), "float32")

    first = student.model_id(discriminator)
    assert student.model_id(discriminator) == first  # kept, not rebuilt (nor retraced)
    discriminator.set_weights([np.zeros((3, 1), "float32"), np.zeros(1, "float32")])
    assert student.weight_sum(discriminator) == 0.0  # the grader's change reaches the kept copy

    before = [w.copy() for w in generator.get_weights()], [w.copy() for w in discriminator.get_weights()]
    student.train_alone(discriminator, np.ones((8, 3), "float32"), y)
    assert not np.array_equal(discriminator.get_weights()[0], before[1][0]) and discriminator.trainable
    assert all(np.array_equal(a, b) for a, b in zip(generator.get_weights(), before[0]))

    before = [w.copy() for w in generator.get_weights()], [w.copy() for w in discriminator.get_weights()]
    student.train_through(combined, discriminator, x, y)
    assert not np.array_equal(generator.get_weights()[0], before[0][0])  # the generator trained through the GAN
    assert all(np.array_equal(a, b) for a, b in zip(discriminator.get_weights(), before[1]))  # the frozen one did not
    assert not discriminator.trainable

    keras_host.start_test()
    assert student.weight_sum(discriminator) == pytest.approx(float(sum(np.sum(w) for w in discriminator.get_weights())))


def test_in_one_process_student_code_gets_a_copy_of_the_graders_model(tmp_path):
    """kerakit check runs student code in the graders' process, but what it does to a handed-over model stays on its copy."""
    import keras

    from kerakit.grading.sealed import LoopbackImplementation

    (tmp_path / "chapter").mkdir()
    (tmp_path / "chapter" / "student.py").write_text(textwrap.dedent(MODELS_STUDENT) + textwrap.dedent('''
        def patch_predict(model):
            model.predict = lambda *args, **kwargs: "every label right"
            return model.predict(None)
        '''))
    loopback = LoopbackImplementation(Implementation(tmp_path, label="tmp"), tmp_path / "scratch")
    student = loopback.module("chapter", "student")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    assert student.patch_predict(model) == "every label right"
    assert "predict" not in vars(model) and model.predict(np.ones((2, 3)), verbose=0).shape == (2, 1)
    before = [w.copy() for w in model.get_weights()]
    student.train_alone(model, np.ones((8, 3), "float32"), np.ones((8, 1), "float32"))
    assert not np.array_equal(model.get_weights()[0], before[0])  # what training did comes back as weights
