"""Graders for chapter 4, exercise 3: capacity, weight regularisation and dropout (DLwP §4.4).

Architecture tests read each model's layers and configs. Training tests train the
student's model and the grader's own original model from the same seed on the same
reviews under one budget, and compare their validation curves (binary crossentropy
of the predictions, without any weight penalty).
"""

import numpy as np
import pytest

from kerakit.grading import HIGHER, LOWER, GradingFailure, RegularizerRecord, assert_architecture, assert_compiled_with, expect, student_module

regularization = student_module("regularization")

GRADED_BIGGER_UNITS = 128  # the book's 512 trains 4x slower and overfits just the same way (measured)


def dense_stack(input_dim, hidden_units, regularizer=None, dropout=None):
    """Return the expected layers: Dense(units, relu) per width (each followed by Dropout if given), then Dense(1, sigmoid)."""
    layers, previous = [], input_dim
    for units in hidden_units:
        layers.append({"class": "Dense", "units": units, "activation": "relu", "output_shape": (None, units),
                       "params": previous * units + units, "kernel_regularizer": regularizer,
                       "bias_regularizer": None, "activity_regularizer": None})
        if dropout is not None:
            layers.append({"class": "Dropout", "rate": dropout, "output_shape": (None, units), "params": 0})
        previous = units
    layers.append({"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1), "params": previous + 1,
                   "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None})
    return layers


def regularizer_text(kind, factor):
    """Return how the summary writes the regulariser, e.g. "l2(0.001)"."""
    return f"l1_l2(l1={factor:g}, l2={factor:g})" if kind == "l1_l2" else f"{kind}({factor:g})"


@pytest.mark.points(2)
def test_capacity_architectures(regularization, rng):
    """The smaller (4-4-1), original (16-16-1) and bigger (512-512-1) models have the book's layers and parameter counts."""
    for name, units, params in (("smaller", 4, 40029), ("original", 16, 160305)):
        summary = assert_architecture(getattr(regularization, f"build_{name}_model")(), dense_stack(10000, (units, units)),
                                      what=f"build_{name}_model()")
        expect(summary.total_params == params, f"build_{name}_model() should have {params:,} parameters, got {summary.total_params:,}")
    input_dim, units = int(rng.integers(20, 300)), int(rng.integers(24, 96))
    assert_architecture(regularization.build_bigger_model(input_dim=input_dim), dense_stack(input_dim, (512, 512)),
                        what=f"build_bigger_model(input_dim={input_dim})")
    assert_architecture(regularization.build_bigger_model(input_dim=input_dim, units=units), dense_stack(input_dim, (units, units)),
                        what=f"build_bigger_model(input_dim={input_dim}, units={units})")
    input_dim = int(rng.integers(20, 300))
    assert_architecture(regularization.build_smaller_model(input_dim=input_dim), dense_stack(input_dim, (4, 4)),
                        what=f"build_smaller_model(input_dim={input_dim})")


@pytest.mark.points(1)
def test_models_compile(regularization):
    """Every model compiles with rmsprop, binary_crossentropy and accuracy, as the original does."""
    builders = {
        "build_smaller_model(input_dim=50)": lambda: regularization.build_smaller_model(input_dim=50),
        "build_original_model(input_dim=50)": lambda: regularization.build_original_model(input_dim=50),
        "build_bigger_model(input_dim=50, units=32)": lambda: regularization.build_bigger_model(input_dim=50, units=32),
        "build_regularized_model('l2', input_dim=50)": lambda: regularization.build_regularized_model("l2", input_dim=50),
        "build_dropout_model(input_dim=50)": lambda: regularization.build_dropout_model(input_dim=50),
    }
    for what, build in builders.items():
        assert_compiled_with(build(), what, optimizer="RMSprop", loss="binary_crossentropy", metric="accuracy")


@pytest.mark.points(2)
def test_weight_regularizer(regularization, rng):
    """weight_regularizer returns L1, L2 or L1+L2 with the given factor (0.001 by default); other kinds raise ValueError."""
    factor = float(np.round(rng.uniform(0.0001, 0.01), 5))
    for kind in ("l1", "l2", "l1_l2"):
        for arguments, expected_factor in (((kind,), 0.001), ((kind, factor), factor)):
            what = f"weight_regularizer({', '.join(repr(a) for a in arguments)})"
            regularizer = regularization.weight_regularizer(*arguments)
            expect(isinstance(regularizer, RegularizerRecord) and regularizer.is_keras and regularizer.class_name in ("L1", "L2", "L1L2"),
                   f"{what} should return one of Keras's regularisers (keras.regularizers.l1, l2 or l1_l2), got "
                   f"{getattr(regularizer, 'class_name', type(regularizer).__name__)}")
            weights = rng.normal(size=(5, 3)).astype("float32")
            l1 = expected_factor if kind in ("l1", "l1_l2") else 0.0
            l2 = expected_factor if kind in ("l2", "l1_l2") else 0.0
            expected_penalty = l1 * np.abs(weights).sum() + l2 * np.square(weights).sum()
            penalty = regularizer.penalty(weights)
            expect(np.isclose(penalty, expected_penalty, rtol=1e-4),
                   f"{what} on a random kernel should add {expected_penalty:.6f} to the loss "
                   f"({'l1=' + format(l1, 'g') + ' ' if l1 else ''}{'l2=' + format(l2, 'g') if l2 else ''}), got {penalty:.6f}")
    try:
        regularization.weight_regularizer("l3")
    except ValueError as error:
        expect("l3" in str(error), f"weight_regularizer('l3') raised ValueError, but its message should name the kind given: {error}")
    else:
        raise GradingFailure("weight_regularizer('l3') should raise ValueError for an unknown kind")


@pytest.mark.points(3)
def test_regularized_model_architecture(regularization, rng):
    """build_regularized_model puts the regulariser on both hidden kernels and not on the output layer."""
    factor = float(np.round(rng.uniform(0.0001, 0.01), 5))
    for kind, arguments in (("l1", {}), ("l2", {}), ("l1_l2", {}), ("l2", {"factor": factor})):
        used = arguments.get("factor", 0.001)
        input_dim = int(rng.integers(20, 300))
        shown = ", ".join([repr(kind)] + [f"{k}={v}" for k, v in arguments.items()] + [f"input_dim={input_dim}"])
        assert_architecture(regularization.build_regularized_model(kind, input_dim=input_dim, **arguments),
                            dense_stack(input_dim, (16, 16), regularizer=regularizer_text(kind, used)),
                            what=f"build_regularized_model({shown})")


@pytest.mark.points(2)
def test_dropout_model_architecture(regularization, rng):
    """build_dropout_model puts Dropout(rate) right after each hidden Dense layer (0.5 by default)."""
    assert_architecture(regularization.build_dropout_model(), dense_stack(10000, (16, 16), dropout=0.5), what="build_dropout_model()")
    rate, input_dim = float(np.round(rng.uniform(0.1, 0.8), 2)), int(rng.integers(20, 300))
    assert_architecture(regularization.build_dropout_model(rate=rate, input_dim=input_dim), dense_stack(input_dim, (16, 16), dropout=rate),
                        what=f"build_dropout_model(rate={rate}, input_dim={input_dim})")


# model -> (how to build it at vocabulary v for the comparison, what the book says about it)
COMPARED_MODELS = {
    "smaller": (lambda m, v: m.build_smaller_model(input_dim=v), "starts overfitting later than the original"),
    "bigger": (lambda m, v: m.build_bigger_model(input_dim=v, units=GRADED_BIGGER_UNITS), "overfits sooner or more than the original"),
    "l1": (lambda m, v: m.build_regularized_model("l1", input_dim=v), "resists overfitting better than the original"),
    "l2": (lambda m, v: m.build_regularized_model("l2", input_dim=v), "resists overfitting better than the original"),
    "l1_l2": (lambda m, v: m.build_regularized_model("l1_l2", input_dim=v), "resists overfitting better than the original"),
    "dropout": (lambda m, v: m.build_dropout_model(input_dim=v), "resists overfitting better than the original"),
}


def curve_facts(curve):
    """Return (minimum, 1-based best epoch, rise from the minimum to the last epoch) of a validation curve."""
    best = int(np.argmin(curve))
    return float(curve[best]), best + 1, float(curve[-1] - curve[best])


@pytest.mark.points(2)
@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", list(COMPARED_MODELS))
def test_model_compared_with_the_original(regularization, comparison, original_curve, floors, name):
    """Trained alike, each model's validation curve differs from the original's the way DLwP §4.4 shows."""
    build, claim = COMPARED_MODELS[name]
    curve = comparison.curve(lambda: build(regularization, comparison.vocabulary))
    low, best, rise = curve_facts(curve)
    original_low, original_best, original_rise = curve_facts(original_curve)
    ratio = rise / max(original_rise, 1e-6)
    direction = HIGHER if name == "bigger" else LOWER
    try:
        floors.check(f"{name}_rise_ratio", ratio,
                     f"{name} model's rise of validation loss after its best epoch, divided by the original's, "
                     f"{comparison.budget.describe()} on {comparison.training_samples} reviews", direction, bound=1.0)
        holds, floor_note = True, ""
    except GradingFailure as failure:
        holds, floor_note = False, f" ({failure})"
    # Only the calibrated ratio counts: "a lower minimum" or "a later best epoch" can come from noise alone.
    wanted = ("a validation loss that rises more after its best epoch" if name == "bigger"
              else "a validation loss that rises less after its best epoch")
    expect(holds,
           f"the {name} model should show the book's claim that it {claim} ({wanted}); trained alike for "
           f"{comparison.budget.describe()}, it reached minimum {low:.4f} at epoch {best} and then rose {rise:.3f}, "
           f"the original {original_low:.4f} at epoch {original_best}, rising {original_rise:.3f} "
           f"(ratio {ratio:.2f}){floor_note}. Check its architecture and regulariser or dropout settings")
