"""train_within_budget on tiny synthetic problems, and what TrainingResult reads from a history."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from kerakit.grading.errors import GradingFailure
from kerakit.grading.training import Budget, TrainingResult, train_within_budget

COMPILE = {"optimizer": "adam", "loss": "binary_crossentropy", "metrics": ["accuracy"]}
EAGER = COMPILE | {"run_eagerly": True}  # no graph tracing: quicker for these tiny fits


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 4)).astype("float32")
    y = (x.sum(axis=1) > 0).astype("float32")
    return x, y


def tiny_model(*extra, inputs=4):
    return keras.Sequential([keras.Input((inputs,)), *extra, keras.layers.Dense(3, activation="relu"),
                             keras.layers.Dense(1, activation="sigmoid")])


def steps_taken(model) -> int:
    return int(keras.ops.convert_to_numpy(model.optimizer.iterations))


def test_history_and_evaluation(data):
    model = tiny_model()
    result = train_within_budget(model, data, Budget(epochs=3, batch_size=16), validation=data, compile_with=COMPILE)
    assert isinstance(result, TrainingResult) and result.model is model
    for key in ("loss", "val_loss", "accuracy", "val_accuracy"):
        assert len(result.history[key]) == 3
        assert all(isinstance(v, float) for v in result.history[key])
    assert steps_taken(model) == 3 * 4


def test_students_own_compile_is_kept(data):
    model = tiny_model()
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse", metrics=["mae"], run_eagerly=True)
    result = train_within_budget(model, data, Budget(1, 32))
    assert set(result.history) == {"loss", "mae"}
    assert isinstance(model.optimizer, keras.optimizers.SGD)


def test_train_samples_limits_the_data(data):
    model = tiny_model()
    train_within_budget(model, data, Budget(epochs=2, batch_size=5, train_samples=20), compile_with=EAGER)
    assert steps_taken(model) == 2 * 4  # 20 samples in batches of 5, not 64


def test_train_samples_limits_every_input_of_a_multi_input_model(data):
    x, y = data
    left, right = keras.Input((2,), name="left"), keras.Input((2,), name="right")
    output = keras.layers.Dense(1, activation="sigmoid")(keras.layers.Concatenate()([left, right]))
    model = keras.Model([left, right], output)
    train_within_budget(model, ([x[:, :2], x[:, 2:]], y), Budget(1, 5, train_samples=10), compile_with=EAGER)
    assert steps_taken(model) == 2
    model = keras.Model({"left": left, "right": right}, output)
    train_within_budget(model, ({"left": x[:, :2], "right": x[:, 2:]}, y), Budget(1, 5, train_samples=10),
                        compile_with=EAGER)
    assert steps_taken(model) == 2


def test_nan_loss_names_nan_and_the_epoch(data):
    def nan_loss(y_true, y_pred):
        return keras.ops.mean(y_pred) * float("nan")

    with pytest.raises(GradingFailure) as caught:
        train_within_budget(tiny_model(), data, Budget(3, 16), compile_with={"optimizer": "sgd", "loss": nan_loss})
    message = str(caught.value)
    assert "NaN" in message and "epoch 1" in message
    assert "learning rate" in message


def test_division_by_zero_in_the_model_is_caught_as_nan(data):
    zero_divider = keras.layers.Lambda(lambda t: t / 0.0 - t / 0.0)
    with pytest.raises(GradingFailure, match=r"NaN in epoch 1"):
        train_within_budget(tiny_model(zero_divider), data, Budget(2, 16), compile_with=EAGER)


def test_uncompiled_model(data):
    with pytest.raises(GradingFailure, match=r"not compiled: call model\.compile"):
        train_within_budget(tiny_model(), data, Budget(1, 16))


def test_not_a_model(data):
    with pytest.raises(GradingFailure, match="expected a keras.Model to train, got function"):
        train_within_budget(tiny_model, data, Budget(1, 16), compile_with=COMPILE)


def test_input_shape_mismatch_names_both_shapes(data):
    x, y = data
    with pytest.raises(GradingFailure) as caught:
        train_within_budget(tiny_model(inputs=4), (x[:, :3], y), Budget(1, 16), compile_with=EAGER)
    message = str(caught.value)
    assert "(64, 3)" in message  # the data
    assert "(None, 4)" in message  # what the model takes
    assert "Exception encountered" not in message
    assert "\x1b[" not in message  # no terminal colour codes from Keras


def test_ids_past_an_embeddings_input_dim_get_one_line():
    model = keras.Sequential([keras.Input((5,)), keras.layers.Embedding(10, 4), keras.layers.Flatten(),
                              keras.layers.Dense(1, activation="sigmoid")])
    ids = np.random.default_rng(0).integers(0, 50, size=(32, 5))
    with pytest.raises(GradingFailure) as caught:
        train_within_budget(model, (ids, np.ones(32)), Budget(1, 8), compile_with=COMPILE, what="build_model()")
    message = str(caught.value)
    assert "ids up to 49" in message and "input_dim=10" in message and "\n" not in message


def test_an_output_per_timestep_for_one_target_per_sample_gets_one_line():
    model = keras.Sequential([keras.Input((6, 3)), keras.layers.Dense(1)])  # no Flatten: (None, 6, 1)
    x = np.zeros((16, 6, 3), dtype="float32")
    with pytest.raises(GradingFailure, match=r"outputs \(None, 6, 1\) but the targets are \(16,\)"):
        train_within_budget(model, (x, np.zeros(16)), Budget(1, 8), compile_with={"optimizer": "rmsprop", "loss": "mae"})


def test_budget_describe():
    assert Budget(4, 512).describe() == "4 epochs x batch 512"
    assert Budget(4, 512, train_samples=3000).describe() == "4 epochs x batch 512 on 3000 samples"


# --- TrainingResult ---------------------------------------------------------------------------------


@pytest.fixture
def result():
    return TrainingResult(
        history={
            "loss": [0.9, 0.5, 0.3, 0.2],
            "val_loss": [0.8, 0.6, 0.65, 0.7],
            "val_accuracy": [0.6, 0.7, 0.85, 0.8],
            "val_mae": [3.0, 2.5, 2.6, 2.7],
        },
    )


def test_best_knows_which_way_is_better(result):
    assert result.best("val_loss") == 0.6
    assert result.best("val_accuracy") == 0.85
    assert result.best("val_mae") == 2.5
    assert result.best("val_accuracy", lower_is_better=True) == 0.6


def test_best_epoch_is_one_based(result):
    assert result.best_epoch() == 2
    assert result.best_epoch("val_accuracy") == 3
    assert result.best_epoch("loss") == 4


def test_last(result):
    assert result.last("val_loss") == 0.7
    assert result.last("val_accuracy") == 0.8


# --- a student's model arrives as a ModelRecord and is trained from the grader's own weights ----------------------


def record_of(model):
    from kerakit.grading.boundary import model_record

    return model_record(model)


def test_a_record_is_rebuilt_with_fresh_weights_so_pretraining_gains_nothing(data):
    x, y = data
    pretrained = tiny_model()
    pretrained.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    pretrained.fit(x, y, epochs=30, verbose=0)  # a builder that trains on the grader's data before returning
    untouched = tiny_model()
    untouched.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    budget = Budget(epochs=2, batch_size=16)
    cheat = train_within_budget(record_of(pretrained), data, budget, seed=7)
    honest = train_within_budget(record_of(untouched), data, budget, seed=7)
    assert cheat.history == honest.history  # the same architecture from the same seed trains identically
    assert cheat.model is not pretrained


def test_a_fit_override_is_never_called(data):
    class LazyModel(keras.Sequential):
        def fit(self, *args, **kwargs):  # trains one epoch whatever it is asked
            kwargs["epochs"] = 1
            return super().fit(*args, **kwargs)

    lazy = LazyModel([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
    lazy.compile(optimizer="adam", loss="binary_crossentropy")
    with pytest.raises(GradingFailure, match="LazyModel"):
        train_within_budget(record_of(lazy), data, Budget(epochs=3, batch_size=16))


def test_a_look_alike_layer_is_not_rebuilt(data):
    class Dropout(keras.layers.Layer):
        def call(self, inputs):
            return inputs

    model = tiny_model(Dropout())
    model.compile(optimizer="adam", loss="binary_crossentropy")
    with pytest.raises(GradingFailure, match="Keras's own layers"):
        train_within_budget(record_of(model), data, Budget(epochs=1, batch_size=16))


def test_a_record_keeps_its_compile_settings(data):
    model = tiny_model()
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse", metrics=["mae"])
    result = train_within_budget(record_of(model), data, Budget(epochs=1, batch_size=32))
    assert isinstance(result.model.optimizer, keras.optimizers.SGD)
    assert float(keras.ops.convert_to_numpy(result.model.optimizer.learning_rate)) == pytest.approx(0.05)
    assert set(result.history) == {"loss", "mae"}
