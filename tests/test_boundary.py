"""The plain-data boundary: what student code returns is converted once, and nothing of the student's survives."""

from __future__ import annotations

import collections
import pickle
from pathlib import Path

import keras
import numpy as np
import pytest

from kerakit.grading.boundary import GENERATOR_ITEMS, FigureRecord, ModelRecord, NotPlainData, RegularizerRecord, to_plain
from kerakit.grading.errors import GradingFailure
from kerakit.grading.loader import StudentFunction


class EqualToEverything(np.ndarray):
    def __eq__(self, other):
        return True


class LooksLikeAnArray:
    shape = (2,)
    dtype = np.dtype("float32")

    def numpy(self):
        return np.zeros(2)

    def __array__(self, dtype=None, copy=None):
        return np.zeros(2)


def test_plain_values_pass_and_arrays_are_copied():
    array = np.arange(3.0)
    plain = to_plain({"a": [1, 2.5, "x", None], "b": (array, True)}, "f()")
    assert plain["a"] == [1, 2.5, "x", None]
    assert type(plain["b"]) is tuple and type(plain["b"][0]) is np.ndarray
    array[0] = 99.0
    assert plain["b"][0][0] == 0.0  # a copy: the student cannot change it later


def test_numpy_scalars_become_python_numbers():
    assert to_plain(np.float32(1.5), "f()") == 1.5 and type(to_plain(np.int64(3), "f()")) is int
    assert type(to_plain(np.bool_(True), "f()")) is bool


def test_an_ndarray_subclass_is_refused_in_one_line():
    with pytest.raises(NotPlainData, match="EqualToEverything, a subclass of numpy.ndarray") as caught:
        to_plain(np.zeros(3).view(EqualToEverything), "vectorize_sequences(...)")
    assert "\n" not in str(caught.value)


def test_a_duck_typed_array_is_refused():
    with pytest.raises(NotPlainData, match="LooksLikeAnArray"):
        to_plain(LooksLikeAnArray(), "f()")


def test_container_subclasses_are_rebuilt_as_plain_containers():
    Pair = collections.namedtuple("Pair", "x y")

    class MyList(list):
        def __eq__(self, other):
            return True

    assert type(to_plain(Pair(1, 2), "f()")) is tuple
    assert type(to_plain(MyList([1]), "f()")) is list
    assert type(to_plain(collections.OrderedDict(a=1), "f()")) is dict
    assert to_plain(range(3), "f()") == [0, 1, 2]
    assert to_plain(Path("/tmp/x.png"), "f()") == "/tmp/x.png"


def test_a_string_subclass_is_refused():
    class Sneaky(str):
        def __eq__(self, other):
            return True

    with pytest.raises(NotPlainData, match="Sneaky"):
        to_plain(Sneaky("binary_crossentropy"), "loss_for_labels(...)")


def test_tensors_and_variables_become_arrays():
    assert type(to_plain(keras.ops.ones((2, 2)), "f()")) is np.ndarray
    assert to_plain(keras.Variable(np.ones(3)), "f()").tolist() == [1.0, 1.0, 1.0]


def test_a_model_becomes_a_record_with_summary_config_compile_and_weights():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2, activation="relu")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    record = to_plain(model, "build()")
    assert isinstance(record, ModelRecord)
    assert record.total_params == 10 and record.layers[0].class_name == "Dense"
    assert record.compile.optimizer == "Adam" and record.compile.learning_rate == pytest.approx(0.01)
    assert [path for path, _ in record.weights] == [w.path for w in model.weights]
    pickle.dumps(record)  # plain data: it could cross a process boundary


def test_a_regulariser_and_a_history_and_a_figure_become_data():
    regularizer = to_plain(keras.regularizers.l1_l2(l1=0.01, l2=0.02), "f()")
    assert isinstance(regularizer, RegularizerRecord) and regularizer.is_keras
    assert regularizer.penalty(np.ones((2, 2))) == pytest.approx(0.01 * 4 + 0.02 * 4)
    history = keras.callbacks.History()
    history.history = {"loss": [1.0, 0.5]}
    assert to_plain(history, "f()") == {"loss": [1.0, 0.5]}
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()
    axes.plot([1, 2], [3, 4], "bo", label="Training loss")
    axes.set_title("t")
    record = to_plain(figure, "plot()")
    assert isinstance(record, FigureRecord) and record.axes[0].lines[0].marker == "o" and record.axes[0].title == "t"


def test_anything_else_is_one_readable_line():
    with pytest.raises(NotPlainData, match=r"returned a object .*expected plain data"):
        to_plain(object(), "f()")
    with pytest.raises(NotPlainData, match="single Dense layer"):
        to_plain(keras.layers.Dense(3), "f()")


def test_a_student_function_works_on_copies_and_reports_what_it_changed():
    def shuffle_in_place(x):
        x[:] = x[::-1]
        return x.sum()

    function = StudentFunction(shuffle_in_place, "shuffle_in_place")
    x = np.arange(4.0)
    call = function.call(x)
    assert x.tolist() == [0.0, 1.0, 2.0, 3.0]  # the grader's own array is untouched
    assert call.arguments[0].tolist() == [3.0, 2.0, 1.0, 0.0] and call.result == 6.0
    assert function(x) == 6.0


def test_a_grader_callable_passed_in_has_no_plain_form_after_the_call():
    call = StudentFunction(lambda build: 1, "k_fold").call(lambda: None)
    assert call.result == 1 and call.arguments == (None,)


def test_not_plain_data_is_a_grading_failure():
    assert issubclass(NotPlainData, GradingFailure)


def test_losses_by_output_names_each_head_the_same_way_whatever_the_spelling():
    import keras
    from keras import layers

    from kerakit.grading import loss_weights_by_output, losses_by_output
    from kerakit.grading.boundary import model_record

    inputs = keras.Input(shape=(3,))
    model = keras.Model(inputs, {"a": layers.Dense(1, name="a")(inputs), "b": layers.Dense(2, activation="softmax", name="b")(inputs),
                                 "c": layers.Dense(1, name="c")(inputs)})
    model.compile(optimizer="adam", loss={"a": keras.losses.MeanSquaredError(), "b": "categorical_crossentropy", "c": lambda t, p: p},
                  loss_weights={"a": 0.25, "b": 1, "c": 2})
    record = model_record(model)
    assert losses_by_output(record) == {"a": "mse", "b": "categorical_crossentropy", "c": "__lambda__"}
    assert loss_weights_by_output(record) == {"a": 0.25, "b": 1.0, "c": 2.0}


def test_a_generator_crosses_as_its_first_items():
    def endless():
        step = 0
        while True:
            yield np.full(2, step), step
            step += 1

    record = to_plain(endless(), "generator()")
    assert len(record.items) == GENERATOR_ITEMS and not record.exhausted
    np.testing.assert_array_equal(record.items[3][0], [3, 3])
    assert to_plain((x for x in [1, 2]), "g").items == (1, 2)
    assert to_plain((x for x in [1, 2]), "g").exhausted
