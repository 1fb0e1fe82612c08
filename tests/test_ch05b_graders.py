"""Proofs for the chapter 5b graders: reference full marks, stubs zero, wrong answers caught, other right answers accepted.

Wrong implementations are graded in combined submissions ("waves"), each replacing
several functions at once; every other test of a wave must keep its points, which shows
the wrong functions only cost their own exercises (and the listed tests that call them).
"""

from pathlib import Path

import pytest

CHAPTER = "ch05b_advanced_convnets"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER
NO_TRAINING = "not trains and not learns"

# wave -> [(wrong implementation, module it patches, tests that must lose all their points, words the feedback must contain,
#          other tests that call the wrong function and so may lose points too)]
WAVES = {
    "A": [
        ("conv_first_channel_only.py", "multichannel", ["test_multichannel_conv2d"], "keras.layers.Conv2D"),
        ("pointwise_hard_coded.py", "multichannel", ["test_pointwise_reduction"], "build_pointwise_reduction(input_shape="),
        ("conv_cost_valid_only.py", "multichannel", ["test_conv_cost"], "parameters"),
        ("naive_without_pooling.py", "inception", ["test_naive_inception"], "MaxPooling2D", ["test_reduced_inception"]),
        ("stacked_ignores_filters.py", "inception", ["test_stacked_convolutions"], "filters="),
        ("reduced_reduction_after.py", "inception", ["test_reduced_inception"], "should have the path"),
        ("module_concatenates_on_width.py", "inception", ["test_inception_module"], "should output"),
        ("auxiliary_weights_swapped.py", "auxiliary_losses", ["test_total_loss_is_the_weighted_sum"], "loss_weights"),
        ("mean_predictions_numpy.py", "auxiliary_losses", ["test_mean_predictions"], "keras.ops"),
        ("penalty_ignores_weight.py", "auxiliary_losses", ["test_activation_penalty"], "activation_penalty("),
        ("hidden_is_second_layer.py", "auxiliary_losses", ["test_hidden_penalty_model"], "should have the path"),
        ("split_labels_not_shifted.py", "transfer_learning", ["test_split_base_and_target"], "shifted down"),
        ("base_one_hot_loss.py", "transfer_learning", ["test_base_network"], "sparse_categorical_crossentropy"),
        ("target_not_frozen.py", "transfer_learning", ["test_target_network_inherits_frozen_layers"], "frozen"),
        ("small_cnn_same_padding.py", "seed_models", ["test_small_cats_dogs_cnn"], "layer 1"),
        ("softmax_overflows.py", "seed_models", ["test_softmax"], "inf or NaN"),
        ("gradients_hard_coded.py", "seed_models", ["test_output_gradients_show_the_bug"], "predictions from output_gradients"),
        ("vgg16_seed_bug.py", "seed_models", ["test_vgg16_transfer_head_is_fixed"], "sigmoid"),
    ],
    "B": [
        ("conv_ignores_stride.py", "multichannel", ["test_multichannel_conv2d"], "stride="),
        ("naive_valid_padding_cropped.py", "inception", ["test_naive_inception"], "should have the path", ["test_reduced_inception"]),
        ("auxiliary_heads_at_the_end.py", "auxiliary_losses", ["test_auxiliary_classifier_architecture"], "should have the path",
         ["test_total_loss_is_the_weighted_sum", "test_each_loss_trains_only_its_path"]),
        ("penalty_uses_y_true.py", "auxiliary_losses", ["test_activation_penalty"], "y_true is ignored"),
        ("split_sorts_in_place.py", "transfer_learning", ["test_split_base_and_target"], "split_base_and_target"),
        ("target_retrains_base.py", "transfer_learning", ["test_target_network_inherits_frozen_layers"], "trained weights"),
        ("softmax_over_first_axis.py", "seed_models", ["test_softmax"], "LAST axis"),
    ],
    "C": [
        ("classifier_pretrained.py", "inception", ["test_inception_classifier_architecture"], "Rescaling"),
        ("target_fresh_copies.py", "transfer_learning", ["test_target_network_inherits_frozen_layers"], "trained weights",
         ["test_target_network_learns_the_target_task"]),
    ],
    "D": [
        ("target_not_frozen.py", "transfer_learning", ["test_target_network_learns_the_target_task"], "freeze them",
         ["test_target_network_inherits_frozen_layers"]),
    ],
}
WAVE_SELECTION = {
    "A": NO_TRAINING,
    "B": NO_TRAINING,
    "C": "inception_classifier or target_network",
    "D": "target_network_learns",
}


def test_reference_gets_full_points(grade):
    run = grade(CHAPTER, "solutions")
    assert not run.lost(), run.lost()
    assert run.score == run.max_score >= 60


def test_untouched_stubs_get_zero_cleanly(grade):
    grade(CHAPTER, "chapters").assert_zero_cleanly()


@pytest.mark.parametrize("wave", sorted(WAVES))
def test_wrong_implementations_lose_their_points(grade, combined_submission, wave):
    wrong_files = WAVES[wave]
    folder = combined_submission(CHAPTER, wrong_files, f"wave{wave}", WRONG)
    run = grade(CHAPTER, folder, k=WAVE_SELECTION[wave])
    run.assert_caught(wrong_files)


def test_correct_answers_written_differently_get_full_points(grade, submission, tmp_path):
    folder = submission(CHAPTER, {
        "multichannel": ALTERNATIVE / "multichannel_loops_and_ceil.py",
        "inception": ALTERNATIVE / "inception_other_orders.py",
        "auxiliary_losses": ALTERNATIVE / "auxiliary_dict_outputs_and_objects.py",
        "transfer_learning": ALTERNATIVE / "transfer_functional_and_lists.py",
        "seed_models": ALTERNATIVE / "seed_models_sequential.py",
    })
    run = grade(CHAPTER, folder)
    assert not run.lost(), run.lost()


def test_small_cnn_table_is_the_seeds():
    """The grader's layer table for the seed's small CNN gives its printed 19,024,513 parameters at 150 x 150 x 3."""
    import importlib.util

    path = Path(__file__).parents[1] / "graders" / CHAPTER / "test_seed_models.py"
    spec = importlib.util.spec_from_file_location("seed_models_graders", path)
    graders = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(graders)
    assert sum(layer.get("params", 0) for layer in graders.small_cnn_layers(150)) == 19_024_513


def test_ch05b_and_ch05_select_their_own_chapter():
    from kerakit.paths import resolve_chapter

    root = Path(__file__).parents[1]
    assert resolve_chapter(root, "ch05b") == CHAPTER
    assert resolve_chapter(root, "ch05") == "ch05_convnets"
