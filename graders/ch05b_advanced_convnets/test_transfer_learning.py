"""Graders for chapter 5b, exercise 4: transfer learning from a base task (digits 0-4) to a target task (digits 5-9).

The grader trains its own base network on the base task, gives it to the student's
`build_target_network`, and checks what comes back as data: the inherited layers carry
exactly the base's weights, frozen. Then it rebuilds that target network with a fresh
head, trains it on 100 target images and measures it on digits 5-9; the same network
trained from scratch on those images is recorded beside it (measured level with the
frozen features on this pair of tasks: MNIST is easy to learn from scratch). The seed's
claim is measured where it holds: from all of MNIST to 30 of scikit-learn's scanned
digits, the target network beats the same network from scratch (means of three
initialisations each, against a calibrated floor).
"""

import numpy as np
import pytest

from kerakit.grading import (HIGHER, Budget, ModelRecord, accuracy_of, assert_architecture, assert_compiled_with, expect,
                             expect_close, expect_sequence, fresh_model, student_module, train_within_budget)

transfer_learning = student_module("transfer_learning")

BASE_BUDGET = Budget(epochs=3, batch_size=64)  # about 2,000 digits 0-4
TARGET_BUDGET = Budget(epochs=15, batch_size=16, train_samples=100)  # 100 digits 5-9: a small target dataset
TARGET_CLASSES = 5
SCANNED_BUDGET = Budget(epochs=15, batch_size=16)  # 30 of scikit-learn's scanned digits: a very small target dataset
SCANNED_TRAIN, SCANNED_VALIDATION_FROM, SCANNED_REPEATS = 30, 200, 3

BASE_LAYERS = [
    {"class": "Rescaling", "scale": 1 / 255, "offset": 0.0, "output_shape": (None, 28, 28, 1)},
    {"class": "Conv2D", "filters": 32, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 26, 26, 32), "params": 320},
    {"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, 13, 13, 32)},
    {"class": "Conv2D", "filters": 64, "kernel_size": (3, 3), "activation": "relu", "output_shape": (None, 11, 11, 64), "params": 18_496},
    {"class": "MaxPooling2D", "pool_size": (2, 2), "output_shape": (None, 5, 5, 64)},
    {"class": "Flatten", "output_shape": (None, 1600)},
    {"class": "Dense", "units": 64, "activation": "relu", "params": 102_464},
    {"class": "Dense", "units": 5, "activation": "softmax", "params": 325},
]


def tasks(digits):
    """Return the grader's (base, target_train, target_validation) as dicts of x and integer y."""
    base = digits["y_train"] < 5
    target_train, target_val = digits["y_train"] >= 5, digits["y_test"] >= 5
    return ({"x": digits["x_train"][base], "y": digits["y_train"][base]},
            {"x": digits["x_train"][target_train], "y": digits["y_train"][target_train] - 5},
            {"x": digits["x_test"][target_val], "y": digits["y_test"][target_val] - 5})


def grader_base_network(num_classes=5):
    """Return the grader's own base network (the sheet's architecture), compiled."""
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Rescaling(1 / 255),
                              layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
                              layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
                              layers.Dense(64, activation="relu"), layers.Dense(num_classes, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def trained_grader_base(digits, shared):
    """Return the grader's base network trained on the base task (once per module)."""
    def train():
        base, _, _ = tasks(digits)
        return train_within_budget(grader_base_network(), (base["x"], base["y"]), BASE_BUDGET, what="the grader's base network").model
    return shared.get("grader_base", train)


@pytest.mark.points(2)
def test_split_base_and_target(transfer_learning, rng):
    """split_base_and_target keeps classes below base_classes for the base task and shifts the others down, in order."""
    for _ in range(3):
        n, classes = int(rng.integers(10, 80)), int(rng.integers(3, 12))
        base_classes = int(rng.integers(1, classes))
        images, labels = rng.normal(size=(n, 4, 4, 1)), rng.integers(0, classes, size=n)
        what = f"split_base_and_target(images, labels, base_classes={base_classes}) with labels 0..{classes - 1}"
        call = transfer_learning.split_base_and_target.call(images, labels, base_classes=base_classes)
        shape = "((base_images, base_labels), (target_images, target_labels))"
        (x_base, y_base), (x_target, y_target) = (expect_sequence(part, what, 2, shape) for part in expect_sequence(call.result, what, 2, shape))
        keep = labels < base_classes
        expect_close(np.asarray(x_base), images[keep], f"base_images from {what}")
        expect_close(np.asarray(y_base), labels[keep], f"base_labels from {what}")
        expect_close(np.asarray(x_target), images[~keep], f"target_images from {what}")
        expect_close(np.asarray(y_target), labels[~keep] - base_classes, f"target_labels from {what} (shifted down by base_classes)")
        expect_close(np.asarray(call.arguments[1]), labels, f"labels after {what} (the input must not change)")


@pytest.mark.points(2)
def test_base_network(transfer_learning):
    """build_base_network is the sheet's small convnet (121,605 parameters), adam + sparse_categorical_crossentropy."""
    what = "build_base_network()"
    record = transfer_learning.build_base_network()
    assert_architecture(record, BASE_LAYERS, what)
    assert_compiled_with(record, what, optimizer="Adam", loss="sparse_categorical_crossentropy", metric="accuracy")
    what = "build_base_network(num_classes=3)"
    assert_architecture(transfer_learning.build_base_network(num_classes=3),
                        BASE_LAYERS[:-1] + [{"class": "Dense", "units": 3, "activation": "softmax", "params": 195}], what)


@pytest.mark.points(2)
@pytest.mark.timeout(240)
def test_base_network_learns_the_base_task(transfer_learning, digits, floors):
    """build_base_network, rebuilt with the grader's weights and trained on digits 0-4, classifies them above the floor."""
    base, _, _ = tasks(digits)
    test = digits["y_test"] < 5
    model = train_within_budget(transfer_learning.build_base_network(), (base["x"], base["y"]), BASE_BUDGET,
                                what="build_base_network()").model
    floors.check("base_task_test_accuracy", accuracy_of(model, digits["x_test"][test], digits["y_test"][test]),
                 f"test accuracy on digits 0-4 after {BASE_BUDGET.describe()}", HIGHER)


def target_record(transfer_learning, base):
    """Return (record, what, inherited names): the student's target network built on the grader's trained base."""
    what = "build_target_network(base)"
    record = transfer_learning.build_target_network(base, num_classes=TARGET_CLASSES)
    expect(isinstance(record, ModelRecord), f"{what} should return a keras.Model, got {type(record).__name__}")
    return record, what


def inherited_pairs(record, base, what):
    """Return [(target layer summary, grader base layer)] for the inherited layers, checked by position and class."""
    base_layers = [layer for layer in base.layers if type(layer).__name__ != "InputLayer"][:-2]
    expect(len(record.layers) == len(base_layers) + 2,
           f"{what} should have the base's {len(base_layers)} layers up to Flatten, plus two new Dense: got "
           f"{len(record.layers)} layers ({', '.join(layer.class_name for layer in record.layers)})")
    for mine, theirs in zip(record.layers, base_layers):
        expect(mine.class_name == type(theirs).__name__ and mine.params == theirs.count_params(),
               f"{what}: layer {mine.name} should be the base's {theirs.name} ({type(theirs).__name__}), got {mine.class_name}")
    return list(zip(record.layers, base_layers))


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_target_network_inherits_frozen_layers(transfer_learning, digits, shared):
    """build_target_network keeps the base's layers with their trained weights, frozen, and adds a new trainable softmax head."""
    base = trained_grader_base(digits, shared)
    before = {layer.name: [np.array(w) for w in layer.get_weights()] for layer in base.layers}
    record, what = target_record(transfer_learning, base)
    pairs = inherited_pairs(record, base, what)
    weights = dict(record.weights)
    for mine, theirs in pairs:
        if not before[theirs.name]:
            continue
        expect(mine.config.get("trainable", True) is False,
               f"{what}: the inherited layer {mine.name} should be frozen (layer.trainable = False before compile)")
        values = [value for path, value in weights.items() if path.split("/")[-2:-1] == [mine.name]]
        expect(len(values) == len(before[theirs.name]) and all(np.array_equal(v, b) for v, b in zip(values, before[theirs.name])),
               f"{what}: the inherited layer {mine.name} should hold the base network's trained weights, unchanged "
               "(reuse the base's layers; do not retrain or re-initialise them)")
    head = record.layers[-2:]
    expect([(layer.class_name, layer.config.get("units"), layer.config.get("activation"), layer.config.get("trainable", True))
            for layer in head] == [("Dense", 64, "relu", True), ("Dense", TARGET_CLASSES, "softmax", True)],
           f"{what}: the last two layers should be a new, trainable Dense(64, relu) -> Dense({TARGET_CLASSES}, softmax), got "
           f"{' -> '.join(layer.describe() for layer in head)}")
    head_params = sum(layer.params for layer in head)
    expect(record.trainable_params == head_params, f"{what} should train only its new head's {head_params:,} weights, "
                                                   f"it trains {record.trainable_params:,}")
    assert_compiled_with(record, what, optimizer="Adam", loss="sparse_categorical_crossentropy", metric="accuracy")


@pytest.mark.points(2)
@pytest.mark.timeout(300)
def test_target_network_learns_the_target_task(transfer_learning, digits, shared, floors):
    """Trained on 100 target digits, the target network reaches the floor on digits 5-9, and its inherited layers do not change."""
    base = trained_grader_base(digits, shared)
    _, target_train, target_val = tasks(digits)
    record, what = target_record(transfer_learning, base)
    pairs = inherited_pairs(record, base, what)
    model = fresh_model(record, what, inherited={mine.name: theirs for mine, theirs in pairs})
    inherited = [model.get_layer(mine.name) for mine, _ in pairs]
    before = [np.array(w) for layer in inherited for w in layer.get_weights()]
    train_within_budget(model, (target_train["x"], target_train["y"]), TARGET_BUDGET, what=what)
    after = [w for layer in inherited for w in layer.get_weights()]
    expect(all(np.array_equal(b, a) for b, a in zip(before, after)),
           f"{what}: the inherited layers' weights changed while the target network trained: freeze them")
    transfer_accuracy = accuracy_of(model, target_val["x"], target_val["y"])
    scratch = train_within_budget(grader_base_network(TARGET_CLASSES), (target_train["x"], target_train["y"]), TARGET_BUDGET,
                                  what="the grader's network from scratch").model
    scratch_accuracy = accuracy_of(scratch, target_val["x"], target_val["y"])
    floors.record("target_scratch_val_accuracy", scratch_accuracy,
                  f"the same network from scratch on digits 5-9 after {TARGET_BUDGET.describe()} (the grader's own: recorded)")
    floors.check("target_transfer_val_accuracy", transfer_accuracy,
                 f"accuracy on 500 digits 5-9 of the target network after {TARGET_BUDGET.describe()}", HIGHER)
    floors.record("target_gain_over_scratch_digits", transfer_accuracy - scratch_accuracy,
                  f"target network minus the same network from scratch on digits 5-9, both after {TARGET_BUDGET.describe()} "
                  "(recorded: MNIST 5-9 is easy to learn from scratch, the two come out level)")


def trained_mnist_base(digits, shared):
    """Return the grader's base network trained on all ten MNIST digits (the base dataset of the transfer claim)."""
    def train():
        return train_within_budget(grader_base_network(10), (digits["x_train"], digits["y_train"]), BASE_BUDGET,
                                   what="the grader's base network").model
    return shared.get("mnist_base", train)


@pytest.mark.points(2)
@pytest.mark.timeout(300)
def test_transfer_beats_training_from_scratch(transfer_learning, digits, scanned_digits, shared, floors):
    """From MNIST to scikit-learn's scanned digits with 30 images: the target network beats the same network from scratch."""
    from kerakit.grading import seed_everything
    from kerakit.grading.seeding import current_seed

    base = trained_mnist_base(digits, shared)
    what = "build_target_network(base, num_classes=10)"
    record = transfer_learning.build_target_network(base, num_classes=10)
    expect(isinstance(record, ModelRecord), f"{what} should return a keras.Model, got {type(record).__name__}")
    pairs = inherited_pairs(record, base, what)
    train = (scanned_digits["x"][:SCANNED_TRAIN], scanned_digits["y"][:SCANNED_TRAIN])
    x_val, y_val = scanned_digits["x"][SCANNED_VALIDATION_FROM:], scanned_digits["y"][SCANNED_VALIDATION_FROM:]
    transfer, scratch = [], []
    for repeat in range(SCANNED_REPEATS):  # the mean over a few initialisations: one run's luck is larger than the gain
        seed = current_seed() * 10 + repeat
        model = fresh_model(record, what, seed=seed, inherited={mine.name: theirs for mine, theirs in pairs})
        transfer.append(accuracy_of(train_within_budget(model, train, SCANNED_BUDGET, what=what, seed=seed).model, x_val, y_val))
        seed_everything(seed)
        own = grader_base_network(10)
        scratch.append(accuracy_of(train_within_budget(own, train, SCANNED_BUDGET, what="the grader's network from scratch",
                                                       seed=seed).model, x_val, y_val))
    floors.record("scanned_scratch_accuracy", float(np.mean(scratch)),
                  f"the same network from scratch on {SCANNED_TRAIN} scanned digits, mean of {SCANNED_REPEATS} (recorded)")
    floors.check("transfer_gain_over_scratch", float(np.mean(transfer) - np.mean(scratch)),
                 f"accuracy of the target network minus the same network from scratch on scikit-learn's digits, "
                 f"{SCANNED_TRAIN} training images, {SCANNED_BUDGET.describe()}, mean of {SCANNED_REPEATS} initialisations",
                 HIGHER, bound=0.0)
