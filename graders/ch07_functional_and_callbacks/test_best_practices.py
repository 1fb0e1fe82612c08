"""Graders for chapter 7, exercise best_practices: batch normalisation, separable convolutions, tuning, ensembles (DLwP §7.3).

Parameter counts are compared with real Keras layers the grader builds, on random
configurations, so a formula that only fits the docstring's example loses the points.
The hyperparameter search runs on the student's side (KerasTuner, in a folder the grader
gives) and comes back as plain data; the grader checks it against the space it declared,
against the tuner's own trial files, and rebuilds the best and the worst configuration
with its own fresh weights to see the best one really trains better. The ensemble is
checked on random arrays against the grader's arithmetic, then on the predictions of
three small models the grader trains itself.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from kerakit.grading import (Budget, GradingFailure, accuracy_of, assert_architecture, assert_compiled_with, expect,
                             expect_array, expect_close, expect_sequence, seed_everything, student_module,
                             train_within_budget)

best_practices = student_module("best_practices")

SEARCH_BUDGET = Budget(epochs=1, batch_size=64, train_samples=1000)  # each of the search's 4 trials, and each grader re-run
SEARCH_VALIDATION = 500  # the first 500 test digits are the search's validation data
MEMBER_BUDGET = Budget(epochs=2, batch_size=64, train_samples=2000)  # each of the grader's three ensemble members
UNITS_POOL = (8, 16, 32, 64)
GOOD_RATES = (3e-3, 1e-2)
TINY_RATE = 1e-5  # one epoch at this rate barely moves the weights: the worst trial is always one of these


# ---------------------------------------------------------------- batch normalisation

def keras_counts(layer, input_shape):
    """Return (trainable, non_trainable) parameters of the grader's own Keras layer built on (None, *input_shape)."""
    layer.build((None, *input_shape))
    return (sum(int(np.prod(w.shape)) for w in layer.trainable_weights),
            sum(int(np.prod(w.shape)) for w in layer.non_trainable_weights))


@pytest.mark.points(2)
def test_batchnorm_parameters(best_practices, rng):
    """batchnorm_parameters gives BatchNormalization's trainable (gamma, beta) and non-trainable (moving mean, variance) counts."""
    import keras

    cases = [((26, 26, 32), True, True)]
    for rank in (1, 2, 3):
        shape = tuple(int(rng.integers(2, 30)) for _ in range(rank))
        cases.append((shape, bool(rng.integers(0, 2)), bool(rng.integers(0, 2))))
    cases.append(((int(rng.integers(2, 12)), int(rng.integers(2, 12)), int(rng.integers(2, 64))), False, False))
    for shape, center, scale in cases:
        expected = keras_counts(keras.layers.BatchNormalization(center=center, scale=scale), shape)
        what = f"batchnorm_parameters({shape}, center={center}, scale={scale})"
        got = expect_sequence(best_practices.batchnorm_parameters(shape, center=center, scale=scale), what, 2,
                              "(trainable, non_trainable)")
        if tuple(got) != expected:
            hint = ""
            if sum(expected) != 0 and all(isinstance(v, (int, float)) for v in got) and sum(got) == sum(expected):
                hint = ": the moving mean and variance are non-trainable (fit updates them, the optimizer does not)"
            elif got[0] == expected[0] * np.prod(shape[:-1]) or got[1] == expected[1] * np.prod(shape[:-1]):
                hint = ": BatchNormalization keeps one set of statistics per feature of the LAST axis"
            raise GradingFailure(f"{what} should be {expected} (trainable, non-trainable) as Keras counts "
                                 f"BatchNormalization(center={center}, scale={scale}) on inputs (None, *{shape}), "
                                 f"got {tuple(got)}{hint}")


def batchnorm_convnet_layers(size, channels, filters, units, num_classes):
    """Return the sheet's BatchNormalization convnet, layer by layer, with Keras's shapes and parameter counts."""
    conv, pooled = size - 2, (size - 2) // 2
    flat = pooled * pooled * filters
    return [
        {"class": "Rescaling", "scale": 1 / 255, "offset": 0.0, "output_shape": (None, size, size, channels), "params": 0},
        {"class": "Conv2D", "filters": filters, "kernel_size": (3, 3), "use_bias": False, "activation": "linear",
         "output_shape": (None, conv, conv, filters), "params": 9 * channels * filters},
        {"class": "BatchNormalization", "output_shape": (None, conv, conv, filters), "params": 4 * filters},
        {"class": "Activation", "activation": "relu", "params": 0},
        {"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, pooled, pooled, filters), "params": 0},
        {"class": "Flatten", "output_shape": (None, flat), "params": 0},
        {"class": "Dense", "units": units, "use_bias": False, "activation": "linear", "params": flat * units},
        {"class": "BatchNormalization", "output_shape": (None, units), "params": 4 * units},
        {"class": "Activation", "activation": "relu", "params": 0},
        {"class": "Dense", "units": num_classes, "activation": "softmax", "params": (units + 1) * num_classes},
    ]


def expect_batchnorm_summary(record, size, channels, filters, units, num_classes, what):
    layers = batchnorm_convnet_layers(size, channels, filters, units, num_classes)
    assert_architecture(record, layers, what)
    total = sum(layer["params"] for layer in layers)
    non_trainable = 2 * (filters + units)
    expect(record.total_params == total, f"{what} should have {total:,} parameters, it has {record.total_params:,}")
    got = record.total_params - record.trainable_params
    expect(got == non_trainable, f"{what} should have {non_trainable:,} non-trainable parameters (the moving mean and "
                                 f"variance of {filters} + {units} features), it has {got:,}")


@pytest.mark.points(2)
def test_batchnorm_convnet(best_practices, rng):
    """build_batchnorm_convnet: Conv2D/Dense without bias, BatchNormalization, then relu; 347,434 parameters, 192 non-trainable."""
    what = "build_batchnorm_convnet()"
    record = best_practices.build_batchnorm_convnet()
    expect_batchnorm_summary(record, 28, 1, 32, 64, 10, what)
    expect(record.total_params == 347_434, f"{what} should have 347,434 parameters, it has {record.total_params:,}")
    assert_compiled_with(record, what, optimizer="Adam", loss="sparse_categorical_crossentropy", metric="accuracy")
    size, channels = int(rng.integers(8, 30)), int(rng.integers(1, 5))
    filters, units, num_classes = int(rng.integers(2, 17)), int(rng.integers(4, 33)), int(rng.integers(2, 13))
    what = (f"build_batchnorm_convnet(input_shape=({size}, {size}, {channels}), filters={filters}, units={units}, "
            f"num_classes={num_classes})")
    record = best_practices.build_batchnorm_convnet(input_shape=(size, size, channels), filters=filters, units=units,
                                                    num_classes=num_classes)
    expect_batchnorm_summary(record, size, channels, filters, units, num_classes, what)


# ---------------------------------------------------------------- depthwise separable convolutions

@pytest.mark.points(2)
def test_conv_parameter_counts(best_practices, rng):
    """conv_parameter_counts matches Keras's Conv2D and SeparableConv2D on random channels, kernels, multipliers and biases."""
    import keras

    cases = [(64, 128, 3, 1, True)]
    for _ in range(5):
        size = int(rng.integers(1, 8))
        kernel = size if rng.integers(0, 2) else (size, int(rng.integers(1, 8)))
        cases.append((int(rng.integers(1, 40)), int(rng.integers(1, 64)), kernel, int(rng.integers(1, 4)), bool(rng.integers(0, 2))))
    cases.append((int(rng.integers(2, 40)), int(rng.integers(2, 64)), (3, 5), 2, False))
    for in_channels, filters, kernel, multiplier, bias in cases:
        conv = sum(keras_counts(keras.layers.Conv2D(filters, kernel, use_bias=bias), (9, 9, in_channels)))
        separable = sum(keras_counts(keras.layers.SeparableConv2D(filters, kernel, depth_multiplier=multiplier, use_bias=bias),
                                     (9, 9, in_channels)))
        what = (f"conv_parameter_counts({in_channels}, {filters}, {kernel}, depth_multiplier={multiplier}, "
                f"use_bias={bias})")
        got = expect_sequence(best_practices.conv_parameter_counts(in_channels, filters, kernel, depth_multiplier=multiplier,
                                                                   use_bias=bias), what, 2, "(conv2d, separable)")
        expect(got[0] == conv, f"{what}: Conv2D({filters}, {kernel}, use_bias={bias}) on {in_channels} channels has {conv:,} "
                               f"parameters in Keras, got {got[0]}")
        expect(got[1] == separable, f"{what}: SeparableConv2D({filters}, {kernel}, depth_multiplier={multiplier}, "
                                    f"use_bias={bias}) on {in_channels} channels has {separable:,} parameters in Keras "
                                    f"(depthwise + pointwise + bias), got {got[1]}")


def separable_convnet_layers(size, channels, num_classes):
    """Return the book's separable convnet, layer by layer, with Keras's shapes and parameter counts."""
    layers = []
    for filters in (32, 64, None, 64, 128, None, 64, 128):
        if filters is None:
            size //= 2
            layers.append({"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, size, size, channels), "params": 0})
            continue
        size -= 2
        layers.append({"class": "SeparableConv2D", "filters": filters, "kernel_size": (3, 3), "strides": (1, 1), "padding": "valid",
                       "activation": "relu", "output_shape": (None, size, size, filters),
                       "params": 9 * channels + channels * filters + filters})
        channels = filters
    return layers + [{"class": "GlobalAveragePooling2D", "output_shape": (None, 128), "params": 0},
                     {"class": "Dense", "units": 32, "activation": "relu", "params": 128 * 32 + 32},
                     {"class": "Dense", "units": num_classes, "activation": "softmax", "params": 33 * num_classes}]


@pytest.mark.points(2)
def test_separable_convnet(best_practices, rng):
    """build_separable_convnet is the book's SeparableConv2D network: 38,949 parameters at 64 x 64 x 3; rmsprop."""
    what = "build_separable_convnet()"
    record = best_practices.build_separable_convnet()
    assert_architecture(record, separable_convnet_layers(64, 3, 10), what)
    expect(record.total_params == 38_949, f"{what} should have 38,949 parameters, it has {record.total_params:,}")
    assert_compiled_with(record, what, optimizer="RMSprop", loss="categorical_crossentropy", metric="accuracy")
    size, channels, num_classes = int(rng.integers(32, 80)), int(rng.integers(1, 6)), int(rng.integers(2, 13))
    what = f"build_separable_convnet(input_shape=({size}, {size}, {channels}), num_classes={num_classes})"
    record = best_practices.build_separable_convnet(input_shape=(size, size, channels), num_classes=num_classes)
    assert_architecture(record, separable_convnet_layers(size, channels, num_classes), what)


# ---------------------------------------------------------------- hyperparameter search with KerasTuner

def tunable_layers(units):
    return [{"class": "Rescaling", "scale": 1 / 255, "offset": 0.0, "output_shape": (None, 28, 28, 1)},
            {"class": "Flatten", "output_shape": (None, 784)},
            {"class": "Dense", "units": units, "activation": "relu", "params": 785 * units},
            {"class": "Dense", "units": 10, "activation": "softmax", "params": (units + 1) * 10}]


def tuner_hp(units_choices, learning_rates, values=None):
    """Return the grader's own keras_tuner.HyperParameters, declared and set as a tuner sets them for one trial."""
    import keras_tuner

    hp = keras_tuner.HyperParameters()
    if values is not None:
        hp.Choice("units", list(units_choices))
        hp.Choice("learning_rate", list(learning_rates))
        hp.values["units"], hp.values["learning_rate"] = values
    return hp


def build_for(best_practices, units_choices, learning_rates, values=None):
    """Return (record, what) of build_tunable_model for the grader's hp: a fresh one, or one holding a trial's `values`."""
    hp = tuner_hp(units_choices, learning_rates, values)
    shown = "a fresh hp" if values is None else f"hp with units={values[0]}, learning_rate={values[1]:g}"
    what = f"build_tunable_model(<{shown}>, units_choices={tuple(units_choices)}, learning_rates={tuple(learning_rates)})"
    return best_practices.build_tunable_model(hp, units_choices=tuple(units_choices), learning_rates=tuple(learning_rates)), what


def expect_tunable(record, units, learning_rate, what):
    assert_architecture(record, tunable_layers(units), what)
    assert_compiled_with(record, what, optimizer="Adam", loss="sparse_categorical_crossentropy", metric="accuracy",
                         learning_rate=learning_rate)


def search_space(rng):
    """Return (units_choices, learning_rates) the grader draws: two widths and one useful rate beside a tiny one, shuffled."""
    units = [int(u) for u in rng.choice(UNITS_POOL, size=2, replace=False)]
    rates = [float(rng.choice(GOOD_RATES)), TINY_RATE]
    rng.shuffle(rates)
    return tuple(units), tuple(rates)


@pytest.mark.points(1)
def test_tunable_model(best_practices, rng):
    """build_tunable_model declares hp.Choice("units") and hp.Choice("learning_rate") and uses them in Dense and Adam."""
    units, rates = search_space(rng)
    record, what = build_for(best_practices, units, rates)
    expect_tunable(record, units[0], rates[0], what + " (a Choice's default is its first value)")
    for values in ((units[1], rates[1]), (units[0], rates[1])):
        record, what = build_for(best_practices, units, rates, values)
        try:
            expect_tunable(record, *values, what)
        except GradingFailure as failure:
            first, _, rest = str(failure).partition("\n")
            raise GradingFailure(f"{first} (a tuner gives each trial's values by name: declare hp.Choice(\"units\", ...) and "
                                 f"hp.Choice(\"learning_rate\", ...) and build with what they return)\n{rest}") from None


def run_search(best_practices, digits, rng, shared, tmp_path_factory):
    """Return the search's settings and the student's plain result, run once for this module's tests."""
    def compute():
        units, rates = search_space(rng)
        seed = int(rng.integers(1, 10_000))
        directory = tmp_path_factory.mktemp("tuner")
        count = SEARCH_BUDGET.train_samples
        train = (digits["x_train"][:count], digits["y_train"][:count])
        validation = (digits["x_test"][:SEARCH_VALIDATION], digits["y_test"][:SEARCH_VALIDATION])
        what = (f"search_hyperparameters(units_choices={units}, learning_rates={rates}, epochs={SEARCH_BUDGET.epochs}, "
                f"batch_size={SEARCH_BUDGET.batch_size}, seed={seed})")
        result = best_practices.search_hyperparameters(train, validation, str(directory), units_choices=units, learning_rates=rates,
                                                       epochs=SEARCH_BUDGET.epochs, batch_size=SEARCH_BUDGET.batch_size, seed=seed)
        return {"units": units, "rates": rates, "seed": seed, "directory": Path(directory), "what": what, "result": result,
                "train": train, "validation": validation}
    return shared.get("search", compute)


def rate_index(value, rates):
    """Return the index of the grader's learning rate equal to `value` (to float32 precision), or None."""
    for i, rate in enumerate(rates):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value - rate) <= 1e-6 * rate:
            return i
    return None


def read_trial(trial, what, units, rates):
    """Return (units, rate index, val_accuracy) of one reported trial, failing in one line on a malformed or foreign one."""
    expect(isinstance(trial, dict) and {"units", "learning_rate", "val_accuracy"} <= set(trial),
           f"{what}: each trial should be a dict with the keys units, learning_rate and val_accuracy, got {trial!r}"[:300])
    accuracy = trial["val_accuracy"]
    expect(isinstance(accuracy, (int, float)) and not isinstance(accuracy, bool) and 0.0 <= accuracy <= 1.0,
           f"{what}: val_accuracy should be a number between 0 and 1, got {accuracy!r}")
    index = rate_index(trial["learning_rate"], rates)
    expect(trial["units"] in units and index is not None,
           f"{what}: a trial with units={trial['units']!r}, learning_rate={trial['learning_rate']!r} is outside the search space "
           f"units_choices={units} x learning_rates={rates}")
    return int(trial["units"]), index, float(accuracy)


def read_report(search):
    """Return (trials, best) of the student's report as (units, rate index, val_accuracy) tuples."""
    result, what, units, rates = search["result"], search["what"], search["units"], search["rates"]
    expect(isinstance(result, dict) and isinstance(result.get("trials"), list) and isinstance(result.get("best"), dict),
           f"{what} should return a dict {{\"trials\": [...], \"best\": {{...}}}}, got {type(result).__name__}")
    trials = [read_trial(trial, what, units, rates) for trial in result["trials"]]
    return trials, read_trial(result["best"], what + " (its best)", units, rates)


def tuner_files(directory, what):
    """Return (oracle, trials) the tuner wrote under `directory`, as JSON data."""
    oracles = sorted(directory.rglob("oracle.json"))
    expect(len(oracles) == 1, f"{what}: expected the files of one KerasTuner project under the directory the grader gave, "
                              f"found {len(oracles)} oracle.json: run keras_tuner.GridSearch(..., directory=directory)")
    trials = []
    for path in sorted(oracles[0].parent.glob("trial_*/trial.json")):
        try:
            trials.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            raise GradingFailure(f"{what}: the tuner's {path.parent.name}/trial.json could not be read") from None
    return json.loads(oracles[0].read_text()), trials


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_hyperparameter_search(best_practices, digits, rng, shared, tmp_path_factory):
    """search_hyperparameters runs KerasTuner over every units x learning-rate pair; the report matches the tuner's files."""
    search = run_search(best_practices, digits, rng, shared, tmp_path_factory)
    what, units, rates = search["what"], search["units"], search["rates"]
    trials, best = read_report(search)
    grid = {(u, r) for u in units for r in range(len(rates))}
    seen = [(u, r) for u, r, _ in trials]
    missing = sorted((u, rates[r]) for u, r in grid - set(seen))
    expect(not missing and len(seen) == len(grid),
           f"{what} should run one trial per combination of units and learning rate ({len(grid)} trials), got {len(seen)} "
           f"trials" + (f", missing (units, learning_rate) {missing}" if missing else ", some of them repeated"))
    top = max(accuracy for _, _, accuracy in trials)
    expect(abs(best[2] - top) <= 1e-9 and (best[0], best[1]) in {(u, r) for u, r, a in trials if a == top},
           f"{what}: its best should be the trial with the highest val_accuracy ({top:.4f}), got units={best[0]}, "
           f"learning_rate={rates[best[1]]:g} with {best[2]:.4f}")
    bottom = min(accuracy for _, _, accuracy in trials)
    expect(top > bottom, f"{what}: every trial reports val_accuracy {top:.4f}; the best should beat the worst "
                         "(report each trial's own validation accuracy)")

    oracle, files = tuner_files(search["directory"], what)
    expect(len(files) == len(grid) and all(trial.get("status") == "COMPLETED" for trial in files),
           f"{what}: the tuner's folder holds {len(files)} trials ({', '.join(str(t.get('status')) for t in files)}), expected "
           f"{len(grid)} completed ones: use keras_tuner.GridSearch with overwrite=True")
    expect(oracle.get("seed") == search["seed"], f"{what}: the tuner's seed is {oracle.get('seed')}, expected {search['seed']}: "
                                                 "pass seed=seed to the tuner")
    space = {item.get("config", {}).get("name"): item for item in files[0]["hyperparameters"]["space"]}
    for name, values in (("units", units), ("learning_rate", rates)):
        item = space.get(name, {})
        declared = item.get("config", {}).get("values")
        expect(item.get("class_name") == "Choice" and declared is not None and len(declared) == len(values)
               and all(rate_index(v, values) is not None if name == "learning_rate" else v in values for v in declared),
               f"{what}: the tuner's search space should declare hp.Choice(\"{name}\", {list(values)}), "
               f"it declares {sorted(space)}" + (f" with {name} = {item.get('class_name')}({declared})" if item else ""))
    reported = {(u, r): a for u, r, a in trials}
    for trial in files:
        values = trial["hyperparameters"]["values"]
        key = (values.get("units"), rate_index(values.get("learning_rate"), rates))
        observed = trial.get("metrics", {}).get("metrics", {}).get("val_accuracy", {}).get("observations", [])
        expect(len(observed) == SEARCH_BUDGET.epochs, f"{what}: the tuner's trial {trial.get('trial_id')} trained "
                                                      f"{len(observed)} epochs, expected epochs={SEARCH_BUDGET.epochs}")
        measured = max(value for step in observed for value in step["value"])
        expect(trial.get("score") is not None and abs(trial["score"] - measured) <= 1e-6,
               f"{what}: the tuner scored trial {trial.get('trial_id')} by {float(trial.get('score') or 0):.4f}, not by its val_accuracy "
               f"{measured:.4f}: use objective=\"val_accuracy\" (the validation metric, not the training one)")
        expect(key in reported and abs(reported[key] - measured) <= 1e-6,
               f"{what}: it reports val_accuracy {reported.get(key, float('nan')):.4f} for units={key[0]}, learning_rate="
               f"{values.get('learning_rate')}, but the tuner measured {measured:.4f}: report the tuner's own score")


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_best_configuration_retrains(best_practices, digits, rng, shared, tmp_path_factory):
    """The reported best and worst configurations, rebuilt by build_tunable_model with the grader's weights: the best trains better."""
    search = run_search(best_practices, digits, rng, shared, tmp_path_factory)
    units, rates = search["units"], search["rates"]
    trials, best = read_report(search)
    expect(trials, f"{search['what']} reports no trials")
    worst = min(trials, key=lambda trial: trial[2])
    measured = {}
    for label, (width, index, _) in (("best", best), ("worst", worst)):
        record, what = build_for(best_practices, units, rates, (width, rates[index]))
        expect_tunable(record, width, rates[index], what)
        model = train_within_budget(record, search["train"], SEARCH_BUDGET, what=what).model
        measured[label] = accuracy_of(model, *search["validation"])
    expect(measured["best"] > measured["worst"],
           f"rebuilt with the grader's fresh weights and trained for {SEARCH_BUDGET.describe()}, the reported best "
           f"(units={best[0]}, learning_rate={rates[best[1]]:g}) reaches {measured['best']:.3f} validation accuracy, no more "
           f"than the reported worst (units={worst[0]}, learning_rate={rates[worst[1]]:g}) at {measured['worst']:.3f}")


# ---------------------------------------------------------------- ensembles

def random_predictions(rng, members, n, classes):
    return [rng.dirichlet(np.ones(classes), size=n) for _ in range(members)]


def expect_value_error(function, arguments, what, why):
    try:
        function(*arguments)
    except ValueError:
        return
    raise GradingFailure(f"{what} should raise ValueError ({why}), it returned without one")


@pytest.mark.points(2)
def test_ensemble_predictions(best_practices, rng):
    """ensemble_predictions is sum(w_i p_i) / sum(w) on random arrays; mismatched shapes, weight counts, negative weights: ValueError."""
    cases = [(2, 1, 2), (1, int(rng.integers(1, 20)), int(rng.integers(2, 6)))]
    cases += [(int(rng.integers(2, 6)), int(rng.integers(1, 40)), int(rng.integers(2, 8))) for _ in range(3)]
    for members, n, classes in cases:
        predictions = random_predictions(rng, members, n, classes)
        weights = rng.uniform(0.1, 3.0, size=members)
        if members > 2:
            weights[int(rng.integers(0, members))] = 0.0  # a model the validation data did not want
        expected = np.tensordot(weights, np.stack(predictions), axes=1) / weights.sum()
        shown = np.array2string(weights, precision=3, separator=", ")
        what = f"ensemble_predictions(<{members} arrays of shape ({n}, {classes})>, weights={shown})"
        given = weights.tolist() if members % 2 else weights
        got = expect_array(best_practices.ensemble_predictions(predictions, given), what, shape=(n, classes), kinds="f")
        expect_close(got, expected, what + " (the weighted average: divide by the sum of the weights)", rtol=1e-6, atol=1e-9)
    n, classes = int(rng.integers(2, 20)), int(rng.integers(2, 6))
    a, b, c = random_predictions(rng, 3, n, classes)
    function = best_practices.ensemble_predictions
    expect_value_error(function, ([a, b[:, :-1]], [1.0, 1.0]), f"ensemble_predictions(<arrays of shapes {a.shape} and "
                       f"{b[:, :-1].shape}>, [1.0, 1.0])", "the predictions differ in shape")
    expect_value_error(function, ([a, b[:1]], [1.0, 1.0]), f"ensemble_predictions(<arrays of shapes {a.shape} and (1, {classes})>, "
                       "[1.0, 1.0])", "the predictions differ in shape, even if NumPy could broadcast them")
    expect_value_error(function, ([a, b, c], [1.0, 2.0]), "ensemble_predictions(<3 arrays>, [1.0, 2.0])",
                       "two weights for three models")
    expect_value_error(function, ([a, b], [1.0, -0.5]), "ensemble_predictions(<2 arrays>, [1.0, -0.5])", "a negative weight")


def member_models():
    """Return the grader's three diverse ensemble members: (name, layers after Rescaling)."""
    from keras import layers

    return [("linear", lambda: [layers.Flatten(), layers.Dense(10, activation="softmax")]),
            ("dense", lambda: [layers.Flatten(), layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")]),
            ("convnet", lambda: [layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
                                 layers.Dense(10, activation="softmax")])]


def train_members(digits):
    """Return {name: (validation accuracy, test accuracy, test predictions)} of the grader's own members."""
    import keras
    from keras import layers

    from kerakit.grading.training import predictions_of

    start = MEMBER_BUDGET.train_samples
    x_val, y_val = digits["x_train"][start:start + 1000], digits["y_train"][start:start + 1000]
    members = {}
    for name, body in member_models():
        seed_everything()
        model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Rescaling(1 / 255), *body()])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        model = train_within_budget(model, (digits["x_train"], digits["y_train"]), MEMBER_BUDGET, what=f"the grader's {name} model").model
        members[name] = (accuracy_of(model, x_val, y_val), accuracy_of(model, digits["x_test"], digits["y_test"]),
                         predictions_of(model, digits["x_test"]).astype("float32"))
    return members


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_ensemble_beats_its_weakest_member(best_practices, digits, shared):
    """On the predictions of three models the grader trains, weighted by validation accuracy, the ensemble beats the weakest."""
    members = shared.get("members", lambda: train_members(digits))
    names = list(members)
    weights = [members[name][0] for name in names]  # validation accuracies: not normalised, the function divides by their sum
    predictions = [members[name][2] for name in names]
    what = (f"ensemble_predictions(<the test predictions of the grader's {', '.join(names)} models, shape "
            f"{predictions[0].shape}>, weights={[round(w, 3) for w in weights]})")
    ensemble = expect_array(best_practices.ensemble_predictions(predictions, weights), what, shape=predictions[0].shape, kinds="f")
    expect(np.all(np.isfinite(ensemble)), f"{what} contains NaN or inf")
    sums = ensemble.sum(axis=1)
    expect(np.allclose(sums, 1.0, atol=1e-4), f"{what}: each row should still be probabilities summing to 1, a row sums to "
                                              f"{sums[np.argmax(np.abs(sums - 1))]:.4f} (divide by the sum of the weights)")
    labels = digits["y_test"]
    accuracy = float(np.mean(ensemble.argmax(axis=1) == labels))
    weakest = min(names, key=lambda name: members[name][1])
    shown = ", ".join(f"{name} {members[name][1]:.3f}" for name in names)
    expect(accuracy > members[weakest][1], f"{what}: the ensemble's test accuracy {accuracy:.3f} should beat its weakest "
                                            f"member ({shown})")
