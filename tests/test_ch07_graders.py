"""Proofs for the chapter 7 graders: reference full marks, stubs zero, wrong answers caught, other right answers accepted.

Wrong implementations are graded in combined submissions ("waves"), each replacing
several functions at once; every other test of a wave must keep its points.
"""

from pathlib import Path

import pytest

CHAPTER = "ch07_functional_and_callbacks"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER

# wave -> [(wrong implementation, module it patches, tests that must lose all their points, words the feedback must contain,
#          other tests that call the wrong function and so may lose points too)]
WAVES = {
    "A": [
        ("seed_mlp_256.py", "seed_models", ["test_mlp"], "units=216"),
        ("seed_cnn_flattened.py", "seed_models", ["test_cnn"], "should have the path"),
        ("seed_shared_extractor_two_lstms.py", "seed_models", ["test_shared_feature_extractor"], "78,984"),
        ("seed_multi_input_swapped.py", "seed_models", ["test_multi_input"], "in that order"),
        ("seed_multi_output_sequence_head_on_input.py", "seed_models", ["test_multi_output"], "should have the path"),
        ("graphs_inception_max_pooling.py", "graphs", ["test_inception_block"], "AveragePooling2D"),
        ("graphs_residual_concatenated.py", "graphs", ["test_residual_block_identity_shortcut",
                                                       "test_residual_block_projection_shortcut"], "Add"),
        ("graphs_siamese_two_lstms.py", "graphs", ["test_siamese_lstm_shares_one_layer"], "ONE LSTM"),
        ("graphs_two_extractors.py", "graphs", ["test_model_used_as_a_layer"], "ONE feature-extractor model"),
        ("multi_io_inputs_swapped.py", "multi_io", ["test_question_answering_architecture"], "in that order",
         ["test_question_answering_learns"]),
        ("multi_io_equal_weights.py", "multi_io", ["test_age_income_gender_architecture"], "should be compiled with dicts",
         ["test_loss_weight_decides_which_head_learns", "test_every_head_learns"]),
    ],
    "B": [
        ("graphs_residual_always_projected.py", "graphs", ["test_residual_block_identity_shortcut"], "should have the path"),
        ("multi_io_gender_softmax.py", "multi_io", ["test_age_income_gender_architecture", "test_every_head_learns"], "gender",
         ["test_loss_weight_decides_which_head_learns"]),
    ],
    # callbacks: one wrong version of each function per wave (a later definition would replace an earlier one)
    "C1": [
        ("callbacks_patience_off_by_one.py", "callbacks", ["test_early_stopping_stops_patience_epochs_after_the_best"], "(patience="),
        ("callbacks_lr_factor_ignored.py", "callbacks", ["test_reduce_lr_on_plateau"], "learning rate"),
        ("callbacks_gap_wrong_key.py", "callbacks", ["test_gap_recorder"], "val_loss - loss"),
        ("callbacks_stop_never_sets.py", "callbacks", ["test_stop_at_threshold"], "stop_training"),
        ("callbacks_tensorboard_no_histograms.py", "callbacks", ["test_tensorboard_logs"], "histogram"),
    ],
    "C2": [
        ("callbacks_early_stopping_on_loss.py", "callbacks", ["test_early_stopping_stops_patience_epochs_after_the_best"], "(patience=",
         ["test_checkpoint_keeps_the_best_epoch"]),
        ("callbacks_lr_on_training_loss.py", "callbacks", ["test_reduce_lr_on_plateau"], "learning rate"),
        ("callbacks_gap_reversed.py", "callbacks", ["test_gap_recorder"], "val_loss - loss"),
        ("callbacks_stop_keras2_key.py", "callbacks", ["test_stop_at_threshold"], "val_accuracy"),
        ("callbacks_tensorboard_own_folder.py", "callbacks", ["test_tensorboard_logs"], "event files"),
    ],
    "C3": [
        ("callbacks_checkpoint_every_epoch.py", "callbacks", ["test_checkpoint_keeps_the_best_epoch"], "best epoch",
         ["test_early_stopping_stops_patience_epochs_after_the_best"]),
        ("callbacks_lr_trains_a_clone.py", "callbacks", ["test_reduce_lr_on_plateau"], "optimizer steps"),
    ],
    "C4": [
        ("callbacks_early_stopping_hard_coded.py", "callbacks",
         ["test_early_stopping_stops_patience_epochs_after_the_best", "test_checkpoint_keeps_the_best_epoch"], "optimizer steps",
         ["test_early_stopping_refuses_bad_inputs"]),
    ],
    "C5": [
        ("callbacks_validation_not_checked.py", "callbacks", ["test_early_stopping_refuses_bad_inputs"], "ValueError"),
    ],
    "C6": [
        ("callbacks_path_not_checked.py", "callbacks", ["test_early_stopping_refuses_bad_inputs"], "before training"),
    ],
    "C7": [  # found by a blind tester: a hard-coded patience, and a stop on training accuracy
        ("callbacks_patience_hard_coded.py", "callbacks", ["test_early_stopping_stops_patience_epochs_after_the_best"], "(patience=",
         ["test_checkpoint_keeps_the_best_epoch"]),
        ("callbacks_stop_watches_training_accuracy.py", "callbacks", ["test_stop_at_threshold"], "val_accuracy"),
    ],
    # best_practices: functions replaced once per wave
    "D1": [
        ("best_practices_bn_all_trainable.py", "best_practices", ["test_batchnorm_parameters"], "non-trainable"),
        ("best_practices_bn_convnet_biased.py", "best_practices", ["test_batchnorm_convnet"], "use_bias=False"),
        ("best_practices_conv_counts_ignore_multiplier.py", "best_practices", ["test_conv_parameter_counts"], "depthwise + pointwise + bias"),
        ("best_practices_separable_convnet_conv2d.py", "best_practices", ["test_separable_convnet"], "SeparableConv2D"),
        ("best_practices_search_hand_written_loop.py", "best_practices", ["test_hyperparameter_search"], "oracle.json",
         ["test_best_configuration_retrains"]),
        ("best_practices_ensemble_broadcasts.py", "best_practices", ["test_ensemble_predictions"], "broadcast"),
    ],
    "D2": [
        ("best_practices_bn_every_position.py", "best_practices", ["test_batchnorm_parameters"], "LAST axis"),
        ("best_practices_conv_counts_square_kernel.py", "best_practices", ["test_conv_parameter_counts"], "(3, 5)"),
        ("best_practices_search_training_objective.py", "best_practices", ["test_hyperparameter_search"], "val_accuracy",
         ["test_best_configuration_retrains"]),
        ("best_practices_ensemble_votes.py", "best_practices", ["test_ensemble_predictions"], "weighted average",
         ["test_ensemble_beats_its_weakest_member"]),
    ],
    "D3": [
        ("best_practices_search_best_is_lowest.py", "best_practices", ["test_hyperparameter_search", "test_best_configuration_retrains"],
         "highest val_accuracy"),
        ("best_practices_ensemble_unnormalised.py", "best_practices", ["test_ensemble_predictions", "test_ensemble_beats_its_weakest_member"],
         "sum of the weights"),
    ],
    "D4": [("best_practices_search_own_directory.py", "best_practices", ["test_hyperparameter_search"], "directory",
            ["test_best_configuration_retrains"])],
    "D5": [("best_practices_search_ignores_seed.py", "best_practices", ["test_hyperparameter_search"], "seed",
            ["test_best_configuration_retrains"])],
    "D6": [("best_practices_tunable_first_choice.py", "best_practices", ["test_tunable_model", "test_best_configuration_retrains"],
            "by name", ["test_hyperparameter_search"])],
}
WAVE_SELECTION = {
    "A": "seed_models or graphs or multi_io",
    "B": "graphs or multi_io",
    **{wave: "test_callbacks" for wave in ("C1", "C2", "C3", "C4", "C5", "C6", "C7")},
    # D1 and D2 grade the whole module (every other test keeps its points); the later waves only touch the search
    # and the ensemble, so they grade those tests and not the convnets they would only retrain
    **{wave: "test_best_practices" for wave in ("D1", "D2")},
    "D3": "test_best_practices and (hyperparameter_search or best_configuration or tunable_model or ensemble)",
    **{wave: "test_best_practices and (hyperparameter_search or best_configuration or tunable_model)" for wave in ("D4", "D5", "D6")},
}
ALTERNATIVES = {
    "seed_models": ["seed_models_and_graphs_alternative.py"],
    "graphs": ["seed_models_and_graphs_alternative.py"],
    "multi_io": ["multi_io_alternative.py"],
    "callbacks": ["callbacks_alternative.py"],
    "best_practices": ["best_practices_alternative.py"],
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


def test_correct_answers_written_differently_get_full_points(grade, combined_submission):
    files = [(file, module) for module, names in ALTERNATIVES.items() for file in names]
    folder = combined_submission(CHAPTER, files, "alternative", ALTERNATIVE)
    run = grade(CHAPTER, folder)
    assert not run.lost(), run.lost()


def test_heads_named_on_activation_layers_get_full_points(grade, submission):
    """A blind tester's right answer: each head a Dense followed by a named Activation layer, losses as objects."""
    folder = submission(CHAPTER, {"multi_io": ALTERNATIVE / "multi_io_activation_heads.py"}, name="activation_heads")
    run = grade(CHAPTER, folder, k="test_multi_io")
    assert not run.lost(), run.lost()
