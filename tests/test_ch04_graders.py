"""Proofs for the chapter 4 graders: reference full marks, stubs zero, wrong answers caught, other right answers pass."""

from pathlib import Path

import pytest

CHAPTER = "ch04_fundamentals"
WRONG_CH04 = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE_CH04 = Path(__file__).parent / "alternative" / CHAPTER


def test_reference_gets_full_points(grade):
    run = grade(CHAPTER, "solutions")
    assert not run.lost(), run.lost()
    assert run.score == run.max_score > 50


def test_untouched_stubs_get_zero_cleanly(grade):
    grade(CHAPTER, "chapters").assert_zero_cleanly()


# (wrong implementation, module it replaces, tests that must lose all their points, words the feedback must contain)
WRONG_IMPLEMENTATIONS = [
    ("protocols_holdout_not_shuffled.py", "protocols", ["test_holdout_split"], "shuffle"),
    ("protocols_holdout_fixed_seed_for_none.py", "protocols", ["test_holdout_split"], "seed=None means a fresh"),
    ("protocols_k_fold_trains_on_everything.py", "protocols", ["test_k_fold_splits", "test_iterated_k_fold_splits"], "leak"),
    ("protocols_k_fold_overlapping.py", "protocols", ["test_k_fold_splits", "test_iterated_k_fold_splits"], "fold 0"),
    ("protocols_k_fold_last_fold_takes_rest.py", "protocols", ["test_k_fold_splits", "test_iterated_k_fold_splits"], "m = len(indices) // k"),
    ("protocols_iterated_same_shuffle.py", "protocols", ["test_iterated_k_fold_splits"], "shuffle afresh"),
    ("protocols_temporal_shuffled.py", "protocols", ["test_temporal_split"], "temporal leak"),
    ("protocols_temporal_ignores_timestamps.py", "protocols", ["test_temporal_split"], "latest"),
    ("preprocessing_test_statistics.py", "preprocessing", ["test_standardize_uses_training_statistics"], "TRAINING"),
    ("preprocessing_pooled_statistics.py", "preprocessing", ["test_standardize_uses_training_statistics"], "TRAINING"),
    ("preprocessing_constant_feature_divides_by_zero.py", "preprocessing", ["test_fit_standardization"], "constant feature"),
    ("preprocessing_missing_without_indicator.py", "preprocessing", ["test_fill_missing", "test_prepare_features"], "expected shape"),
    ("preprocessing_missing_in_place.py", "preprocessing", ["test_fill_missing"], "in place"),
    ("regularization_factor_ignored.py", "regularization", ["test_weight_regularizer", "test_regularized_model_architecture"], "on a random kernel"),
    ("regularization_l1_l2_as_l2.py", "regularization", ["test_weight_regularizer", "test_regularized_model_architecture"], "l1="),
    ("regularization_output_layer_regularized.py", "regularization", ["test_regularized_model_architecture"], "layer 3"),
    ("regularization_forgotten.py", "regularization", ["test_regularized_model_architecture"], "kernel_regularizer"),
    ("regularization_dropout_on_inputs.py", "regularization", ["test_dropout_model_architecture"], "layer 1"),
    ("regularization_dropout_rate_ignored.py", "regularization", ["test_dropout_model_architecture"], "rate"),
    ("regularization_bias_regularized.py", "regularization", ["test_regularized_model_architecture"], "bias_regularizer"),
    ("regularization_dropout_look_alike.py", "regularization", ["test_dropout_model_architecture"], "Keras's own Dropout"),
    ("regularization_bigger_is_original.py", "regularization", ["test_capacity_architectures"], "units=512"),
    ("curves_best_epoch_zero_based.py", "curves", ["test_best_epoch"], "epochs count from 1"),
    ("curves_best_epoch_last_tie.py", "curves", ["test_best_epoch"], "should be"),
    ("curves_overfitting_looks_ahead.py", "curves", ["test_overfitting_start"], "later dip"),
    ("curves_retrain_holds_out_validation.py", "curves", ["test_retrain_for"], "all"),
    ("workflow_multi_label_softmax.py", "workflow", ["test_last_layer_for", "test_build_model_for"], "multiclass_multi_label"),
    ("workflow_unknown_is_binary.py", "workflow", ["test_last_layer_for"], "ValueError"),
    ("workflow_baseline_from_test_labels.py", "workflow", ["test_majority_class_accuracy"], "majority"),
    ("workflow_mean_of_test_targets.py", "workflow", ["test_mean_predictor_mae", "test_compare_with_baseline"], "TRAINING mean"),
    ("workflow_beats_wrong_direction.py", "workflow", ["test_compare_with_baseline"], "beats should be"),
]


@pytest.mark.parametrize("wrong_file, module, losing_tests, words", WRONG_IMPLEMENTATIONS, ids=[w[0][:-3] for w in WRONG_IMPLEMENTATIONS])
def test_wrong_implementation_loses_points(grade, submission, wrong_file, module, losing_tests, words):
    folder = submission(CHAPTER, {module: WRONG_CH04 / wrong_file})
    run = grade(CHAPTER, folder, k=f"test_{module} and not compared and not beat")
    for name in losing_tests:
        result = run[name]
        assert result.points == 0, (name, result.feedback)
        assert result.status in ("failed", "error"), (name, result.status)
        assert "Traceback" not in result.feedback
    feedback = " ".join(run[name].feedback + run[name].details for name in losing_tests)
    assert words.lower() in feedback.lower(), feedback
    assert not run.lost(except_tests=losing_tests), run.lost(except_tests=losing_tests)


def test_models_without_their_regularisation_fail_the_training_claims(grade, submission):
    """Measured, not trusted: an unregularised "regularised" model and a small "bigger" one lose the comparison points."""
    folder = submission(CHAPTER, {"regularization": WRONG_CH04 / "regularization_forgotten.py"})
    replacement = folder / CHAPTER / "regularization.py"
    replacement.write_text(replacement.read_text() + "\n" + (WRONG_CH04 / "regularization_bigger_is_original.py").read_text())
    run = grade(CHAPTER, folder, k="compared and (l1 or l2 or bigger)")
    for name in ("l1", "l2", "l1_l2", "bigger"):
        result = run[f"test_model_compared_with_the_original[{name}]"]
        assert result.points == 0, (name, result.feedback)
        assert "the original" in result.feedback and "ratio 1.00" in result.feedback, result.feedback


def test_correct_answers_written_differently_get_full_points(grade, submission):
    folder = submission(CHAPTER, {
        "protocols": ALTERNATIVE_CH04 / "protocols_masks.py",
        "regularization": ALTERNATIVE_CH04 / "regularization_functional.py",
        "curves": ALTERNATIVE_CH04 / "curves_numpy.py",
        "workflow": ALTERNATIVE_CH04 / "workflow_if_chain.py",
    })
    run = grade(CHAPTER, folder)
    assert not run.lost(), run.lost()


def test_broken_module_costs_only_its_own_exercises(grade, submission):
    folder = submission(CHAPTER, {})
    (folder / CHAPTER / "curves.py").write_text("def best_epoch(history)\n    return 1\n")
    (folder / CHAPTER / "workflow.py").write_text("import numpy as np\n")  # every function missing
    run = grade(CHAPTER, folder, k="not compared and not beat")
    for name, result in run.by_test.items():
        if name in ("test_validation_losses", "test_best_epoch", "test_overfitting_start", "test_retrain_for"):
            assert result.points == 0 and result.status == "error", (name, result.status)
            assert "SyntaxError" in result.feedback and "Traceback" not in result.feedback, result.feedback
        elif name in ("test_last_layer_for", "test_build_model_for", "test_majority_class_accuracy", "test_mean_predictor_mae", "test_compare_with_baseline"):
            assert result.points == 0 and "has no `" in result.feedback, (name, result.feedback)
        else:
            assert result.points == result.max_points, (name, result.feedback)


@pytest.mark.parametrize("seed", [1334, 1335, 1336])  # held-out seeds (the kit seed + 100...), not calibration seeds
def test_an_unregularised_model_from_other_random_weights_fails_the_l2_claim_at_held_out_seeds(grade, submission, seed):
    """The comparison starts both models from the original's initial weights, so other initial weights buy no luck."""
    folder = submission(CHAPTER, {"regularization": WRONG_CH04 / "regularization_forgotten_other_init.py"})
    run = grade(CHAPTER, folder, k="compared and l2 and not l1", extra=("--kerakit-seed", str(seed)))
    result = run["test_model_compared_with_the_original[l2]"]
    assert result.points == 0, result.feedback
    assert "ratio 1.00" in result.feedback, result.feedback
