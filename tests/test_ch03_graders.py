"""Proofs for the chapter 3 graders: reference full marks, stubs zero, wrong answers caught."""

from pathlib import Path

import pytest

CHAPTER = "ch03_first_networks"
WRONG_CH03 = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE_CH03 = Path(__file__).parent / "alternative" / CHAPTER


def test_reference_gets_full_points(grade):
    run = grade(CHAPTER, "solutions")
    assert not run.lost(), run.lost()
    assert run.score == run.max_score > 30


def test_untouched_stubs_get_zero_cleanly(grade):
    grade(CHAPTER, "chapters").assert_zero_cleanly()


# (wrong implementation, module it replaces, tests that must lose all their points, words the feedback must contain)
WRONG_IMPLEMENTATIONS = [
    ("imdb_multi_hot_off_by_one.py", "imdb", ["test_vectorize_sequences", "test_vectorize_sequences_default_dimension"], "expected"),
    ("imdb_multi_hot_counts.py", "imdb", ["test_vectorize_sequences"], "expected"),
    ("imdb_holdout_from_the_end.py", "imdb", ["test_holdout_split"], "x_val"),
    ("imdb_mse_loss.py", "imdb", ["test_imdb_model_compile"], "binary_crossentropy"),
    ("imdb_from_logits.py", "imdb", ["test_imdb_model_compile"], "from_logits"),
    ("imdb_multi_hot_subclass.py", "imdb", ["test_vectorize_sequences", "test_vectorize_sequences_default_dimension"], "subclass of numpy.ndarray"),
    ("boston_accuracy_metric.py", "boston", ["test_boston_model_compile"], "does not fit"),
    ("reuters_sigmoid_output.py", "reuters", ["test_reuters_model_architecture", "test_reuters_model_predicts_distributions"], "softmax"),
    ("reuters_bottleneck.py", "reuters", ["test_reuters_model_architecture"], "layer 2"),
    ("reuters_one_loss_for_all.py", "reuters", ["test_loss_for_labels", "test_reuters_model_compile"], "sparse_categorical_crossentropy"),
    ("boston_standardize_with_test_statistics.py", "boston", ["test_standardize_uses_training_statistics"], "TRAINING"),
    ("boston_standardize_with_pooled_statistics.py", "boston", ["test_standardize_uses_training_statistics"], "TRAINING"),
    ("boston_k_fold_trains_on_validation.py", "boston", ["test_k_fold_validation_splits"], "fold 0"),
    ("boston_k_fold_one_model.py", "boston", ["test_k_fold_validation_splits"], "fresh model"),
    ("curves_hard_coded.py", "curves", ["test_smooth_curve", "test_plot_learning_curves[loss]", "test_plot_learning_curves[accuracy]"], "validation"),
]


@pytest.mark.parametrize("wrong_file, module, losing_tests, words", WRONG_IMPLEMENTATIONS, ids=[w[0][:-3] for w in WRONG_IMPLEMENTATIONS])
def test_wrong_implementation_loses_points(grade, submission, wrong_file, module, losing_tests, words):
    folder = submission(CHAPTER, {module: WRONG_CH03 / wrong_file})
    run = grade(CHAPTER, folder, k=f"test_{module} and not trains")
    for name in losing_tests:
        result = run[name]
        assert result.points == 0, (name, result.feedback)
        assert result.status in ("failed", "error"), (name, result.status)
        assert "Traceback" not in result.feedback
    feedback = " ".join(run[name].feedback + run[name].details for name in losing_tests)
    assert words.lower() in feedback.lower(), feedback


def test_bottleneck_model_also_misses_the_training_floor(grade, submission):
    folder = submission(CHAPTER, {"reuters": WRONG_CH03 / "reuters_bottleneck.py"})
    run = grade(CHAPTER, folder, k="test_reuters_model_trains")
    for name in ("test_reuters_model_trains[one_hot]", "test_reuters_model_trains[integer]"):
        assert run[name].points == 0, run[name].feedback
        assert "below the floor" in run[name].feedback


def test_a_fit_override_gains_nothing(grade, submission):
    folder = submission(CHAPTER, {"imdb": WRONG_CH03 / "imdb_fit_override.py"})
    run = grade(CHAPTER, folder, k="test_imdb_model_trains")
    result = run["test_imdb_model_trains"]
    assert result.points == 0 and "QuickSequential" in result.feedback, result.feedback


def test_a_builder_that_pretrains_gains_nothing(grade, submission):
    """The bottleneck model trained on the kit's data (validation split included) before it is returned measures as untrained."""
    pretrained = grade(CHAPTER, submission(CHAPTER, {"reuters": WRONG_CH03 / "reuters_bottleneck_pretrained.py"}, name="pretrained"),
                       k="test_reuters_model_trains")
    plain = grade(CHAPTER, submission(CHAPTER, {"reuters": WRONG_CH03 / "reuters_bottleneck.py"}, name="plain"), k="test_reuters_model_trains")
    for name in ("test_reuters_model_trains[one_hot]", "test_reuters_model_trains[integer]"):
        assert pretrained[name].points == 0, pretrained[name].feedback
        assert pretrained[name].measurements == plain[name].measurements


def test_exploding_loss_is_reported_as_nan(grade, submission):
    folder = submission(CHAPTER, {"boston": WRONG_CH03 / "boston_exploding_learning_rate.py"})
    run = grade(CHAPTER, folder, k="test_boston_model_trains")
    result = run["test_boston_model_trains"]
    assert result.points == 0
    assert "NaN" in result.feedback and "epoch" in result.feedback, result.feedback


def test_correct_answers_written_differently_get_full_points(grade, submission):
    folder = submission(CHAPTER, {
        "imdb": ALTERNATIVE_CH03 / "functional_and_vectorised.py",
        "reuters": ALTERNATIVE_CH03 / "reuters_functional.py",
        "boston": ALTERNATIVE_CH03 / "boston_functional.py",
        "curves": ALTERNATIVE_CH03 / "curves_numpy.py",
    })
    run = grade(CHAPTER, folder)
    assert not run.lost(), run.lost()


def test_broken_module_costs_only_its_own_exercises(grade, submission, tmp_path):
    folder = submission(CHAPTER, {})
    (folder / CHAPTER / "curves.py").write_text("def smooth_curve(points, factor=0.8)\n    return points\n")
    (folder / CHAPTER / "reuters.py").write_text("import numpy as np\n")  # every function missing
    run = grade(CHAPTER, folder, k="not trains")
    for name, result in run.by_test.items():
        if name.startswith(("test_smooth", "test_plot")):
            assert result.points == 0 and result.status == "error"
            assert result.feedback.startswith(f"{folder / CHAPTER / 'curves.py'} line 1: SyntaxError"), result.feedback
        elif "reuters" in name or name in ("test_to_one_hot", "test_loss_for_labels"):
            assert result.points == 0 and result.status == "error"
            assert "has no `" in result.feedback, result.feedback
        else:
            assert result.points == result.max_points, (name, result.feedback)
