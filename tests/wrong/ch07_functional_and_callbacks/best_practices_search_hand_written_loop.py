# Wrong (a cheat on "use a library"): a hand-written grid loop with fit and evaluate; no tuner, no trial files.
import itertools

import keras_tuner


def search_hyperparameters(train, validation, directory, units_choices=(32, 128), learning_rates=(1e-2, 1e-4),
                           epochs=1, batch_size=64, seed=1):
    trials = []
    for units, rate in itertools.product(units_choices, learning_rates):
        hp = keras_tuner.HyperParameters()
        hp.Fixed("units", units)
        hp.Fixed("learning_rate", rate)
        model = build_tunable_model(hp, units_choices, learning_rates)  # noqa: F821 (the reference's)
        model.fit(*train, epochs=epochs, batch_size=batch_size, verbose=0)
        _, accuracy = model.evaluate(*validation, verbose=0)
        trials.append({"units": units, "learning_rate": rate, "val_accuracy": float(accuracy)})
    return {"trials": trials, "best": max(trials, key=lambda trial: trial["val_accuracy"])}
