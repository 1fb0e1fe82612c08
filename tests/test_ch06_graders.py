"""Proofs for the chapter 6 graders: reference full marks, stubs zero, wrong answers caught, other right answers accepted.

Wrong implementations are graded in combined submissions ("waves"), each replacing
several functions at once (one wrong version of a function per wave: a later definition
would replace an earlier one); every other test of a wave must keep its points.
"""

from pathlib import Path

import pytest

CHAPTER = "ch06_text_and_sequences"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER
TRAINING = ["test_gru_beats_dense_baseline", "test_gru_near_common_sense_baseline", "test_reversed_order_does_worse"]

# wave -> [(wrong implementation, module it patches, tests that must lose all their points, words the feedback must contain,
#          other tests that call the wrong function and so may lose points too)]
WAVES = {
    # encoding and rnn_by_hand: tensor code, graded without training
    "E1": [
        ("encoding_word_index_from_zero.py", "encoding", ["test_word_one_hot"], "numbered from 1"),
        ("encoding_character_book_listing.py", "encoding", ["test_character_one_hot"], "101 indices"),
        ("encoding_hashed_python_hash.py", "encoding", ["test_hashed_one_hot"], "never Python's hash()"),
        ("encoding_collisions_count_duplicates.py", "encoding", ["test_count_collisions"], "a repeated word counted once"),
        ("encoding_pad_post.py", "encoding", ["test_pad_defaults", "test_pad_options"], "padding='pre' puts value"),
        ("encoding_vectorize_output_sequence_length.py", "encoding", ["test_vectorize_texts"], "output_sequence_length"),
        ("rnn_by_hand_no_tanh.py", "rnn_by_hand", ["test_simple_rnn_last_output", "test_simple_rnn_sequences"], "without the tanh"),
        ("rnn_by_hand_lstm_three_gates.py", "rnn_by_hand", ["test_parameter_count_lstm"], "keras.layers.LSTM"),
    ],
    "E2": [
        ("encoding_word_index_sorted.py", "encoding", ["test_word_one_hot"], "in the order words first appear"),
        ("encoding_character_unknown_at_zero.py", "encoding", ["test_character_one_hot"], "leaves its row all zeros"),
        ("encoding_collisions_hard_coded.py", "encoding", ["test_count_collisions"], "distinct words minus the distinct buckets"),
        ("encoding_pad_truncates_end.py", "encoding", ["test_pad_defaults", "test_pad_options"], "keeps the last"),
        ("encoding_vectorize_adapts_on_texts.py", "encoding", ["test_vectorize_texts"], "vocabulary comes from `texts`"),
        ("rnn_by_hand_state_not_carried.py", "rnn_by_hand", ["test_simple_rnn_last_output", "test_simple_rnn_sequences"],
         "state never carried"),
        ("rnn_by_hand_gru_one_bias.py", "rnn_by_hand", ["test_parameter_count_gru"], "reset_after=True"),
    ],
    "E3": [
        ("encoding_word_split_on_space.py", "encoding", ["test_word_one_hot"], "token_index is wrong"),
        ("encoding_pad_ignores_value.py", "encoding", ["test_pad_options"], "value="),
        ("encoding_vectorize_no_max_tokens.py", "encoding", ["test_vectorize_texts"], "below max_tokens"),
        ("rnn_by_hand_first_output.py", "rnn_by_hand", ["test_simple_rnn_last_output"], "FIRST timestep"),
        ("rnn_by_hand_unknown_layer_zero.py", "rnn_by_hand", ["test_parameter_count_rejects_unknown_layers"], "should raise ValueError"),
    ],
    "E4": [
        ("encoding_pad_empty_crash.py", "encoding", ["test_pad_defaults", "test_pad_options"], "in pad()"),
        ("encoding_vectorize_keeps_layer_padding.py", "encoding", ["test_vectorize_texts"], "drop them before padding"),
        ("rnn_by_hand_book_orientation.py", "rnn_by_hand", ["test_simple_rnn_last_output", "test_simple_rnn_sequences"],
         "both kernels transposed"),
        ("rnn_by_hand_simple_rnn_no_bias.py", "rnn_by_hand", ["test_parameter_count_simple_rnn", "test_parameter_count_lstm",
                                                               "test_parameter_count_gru"], "count_params()"),
    ],
    "E5": [
        ("rnn_by_hand_sequences_time_first.py", "rnn_by_hand", ["test_simple_rnn_sequences"], "every timestep"),
    ],
    "E6": [
        ("rnn_by_hand_recurrent_transposed.py", "rnn_by_hand", ["test_simple_rnn_last_output", "test_simple_rnn_sequences"],
         "recurrent_kernel.T"),
    ],
    "E7": [
        ("rnn_by_hand_hard_coded.py", "rnn_by_hand", ["test_simple_rnn_last_output", "test_simple_rnn_sequences"], "should have shape"),
    ],
    # weather
    "W1": [
        ("weather_normalize_all_rows.py", "weather", ["test_normalize"], "training rows only"),
        ("weather_generator_target_at_window_end.py", "weather", ["test_generator_sequential", "test_generator_shuffle"],
         "the value delay="),
        ("weather_common_sense_first_value.py", "weather", ["test_common_sense_mae"], "common_sense_mae"),
        ("weather_dense_no_flatten.py", "weather", ["test_dense_baseline_architecture"], "expected a Flatten layer",
         ["test_gru_beats_dense_baseline"]),
        ("weather_gru_with_dropout.py", "weather", ["test_gru_architecture"], "dropout=0.0", TRAINING),
        ("weather_gru_dropout_missing.py", "weather", ["test_gru_dropout_architecture"], "recurrent_dropout=0.2"),
        ("weather_stacked_no_return_sequences.py", "weather", ["test_stacked_gru_architecture"], "ndim=3"),
        ("weather_reverse_feature_axis.py", "weather", ["test_reverse_time"], "reverse_time"),
    ],
    "W2": [
        ("weather_normalize_global_std.py", "weather", ["test_normalize"], "one value per column"),
        ("weather_generator_off_by_one.py", "weather", ["test_generator_sequential", "test_generator_shuffle"], "should be data[range("),
        ("weather_common_sense_generator_batches.py", "weather", ["test_common_sense_mae"], "common_sense_mae"),
        ("weather_gru_fixed_timesteps.py", "weather", ["test_gru_architecture"], "any number of timesteps", TRAINING),
        ("weather_stacked_relu_first.py", "weather", ["test_stacked_gru_architecture"], "activation=relu"),
        ("weather_reverse_batch_axis.py", "weather", ["test_reverse_time"], "reverse_time"),
    ],
    "W3": [
        ("weather_normalize_in_place.py", "weather", ["test_normalize"], "in place"),
        ("weather_generator_no_wrap.py", "weather", ["test_generator_sequential"], "back at min_index + lookback"),
        ("weather_common_sense_hard_coded.py", "weather", ["test_common_sense_mae"], "common_sense_mae"),
        ("weather_reverse_in_place.py", "weather", ["test_reverse_time"], "in place"),
    ],
    "W4": [("weather_generator_ignores_step.py", "weather", ["test_generator_sequential", "test_generator_shuffle"], "expected shape")],
    "W5": [("weather_generator_shuffle_outside_range.py", "weather", ["test_generator_shuffle"], "[min_index + lookback, max_index)")],
    "W6": [("weather_generator_shuffle_unseeded.py", "weather", ["test_generator_shuffle"], "same seed")],
    "W7": [("weather_generator_no_checks.py", "weather", ["test_generator_refuses_windows_past_the_end"], "ValueError")],
    "W8": [("weather_generator_wraps_one_batch_late.py", "weather", ["test_generator_sequential"], "back at min_index + lookback")],
    # embeddings, text_rnns, conv1d
    "M1": [
        ("embeddings_classifier_no_flatten.py", "embeddings", ["test_embedding_classifier_architecture"], "Flatten",
         ["test_embedding_classifier_learns"]),
        ("embeddings_matrix_no_max_words_check.py", "embeddings", ["test_embedding_matrix"], "IndexError"),
        ("embeddings_glove_not_frozen.py", "embeddings", ["test_glove_classifier_holds_the_matrix_frozen",
                                                          "test_glove_embedding_stays_frozen_through_fit"], "frozen",
         ["test_glove_beats_a_learned_embedding_on_200_reviews"]),
        ("text_rnns_simple_rnn_returns_sequences.py", "text_rnns", ["test_simple_rnn_classifier"], "return_sequences"),
        ("text_rnns_stacked_all_sequences.py", "text_rnns", ["test_stacked_simple_rnn"], "return_sequences"),
        ("text_rnns_lstm_is_gru.py", "text_rnns", ["test_lstm_classifier"], "LSTM", ["test_lstm_learns"]),
        ("text_rnns_bidirectional_summed.py", "text_rnns", ["test_bidirectional_lstm"], "(None, 64)"),
        ("conv1d_length_ignores_strides.py", "conv1d", ["test_conv1d_output_length"], "Keras's Conv1D"),
        ("conv1d_pool_strides_one.py", "conv1d", ["test_pooling1d_output_length"], "Keras's MaxPooling1D"),
        ("conv1d_classifier_flatten.py", "conv1d", ["test_conv1d_classifier"], "GlobalMaxPooling1D",
         ["test_conv1d_classifier_learns"]),
        ("conv1d_gru_without_recurrent_dropout.py", "conv1d", ["test_conv1d_gru"], "recurrent_dropout"),
    ],
    "M2": [
        ("embeddings_classifier_fixed_dim.py", "embeddings", ["test_embedding_classifier_architecture"], "embedding_dim="),
        ("embeddings_matrix_by_position.py", "embeddings", ["test_embedding_matrix"], "row"),
        ("embeddings_glove_weights_not_set.py", "embeddings", ["test_glove_classifier_holds_the_matrix_frozen"], "set them to the matrix"),
        ("text_rnns_stacked_always_four.py", "text_rnns", ["test_stacked_simple_rnn"], "num_layers="),
        ("text_rnns_lstm_tiny_learning_rate.py", "text_rnns", ["test_lstm_learns"], "floor"),
        ("text_rnns_bidirectional_backwards_only.py", "text_rnns", ["test_bidirectional_lstm"], "Bidirectional"),
        ("conv1d_length_ignores_padding.py", "conv1d", ["test_conv1d_output_length"], "padding='same'"),
        ("conv1d_pool_floor_division_only.py", "conv1d", ["test_pooling1d_output_length"], "Keras's MaxPooling1D"),
        ("conv1d_classifier_book_learning_rate.py", "conv1d", ["test_conv1d_classifier"], "sigmoid", ["test_conv1d_classifier_learns"]),
        ("conv1d_gru_fixed_features.py", "conv1d", ["test_conv1d_gru"], "features="),
    ],
    "M3": [
        ("embeddings_classifier_tiny_learning_rate.py", "embeddings", ["test_embedding_classifier_learns"], "floor"),
        ("embeddings_matrix_dim_100.py", "embeddings", ["test_embedding_matrix"], "shape"),
        ("embeddings_glove_without_hidden_layer.py", "embeddings", ["test_glove_classifier_holds_the_matrix_frozen"], "Dense",
         ["test_glove_embedding_stays_frozen_through_fit", "test_glove_beats_a_learned_embedding_on_200_reviews"]),
        ("text_rnns_stacked_one_too_many.py", "text_rnns", ["test_stacked_simple_rnn"], "SimpleRNN"),
        ("conv1d_length_ignores_dilation.py", "conv1d", ["test_conv1d_output_length"], "dilation_rate="),
    ],
    "M4": [
        ("embeddings_matrix_random_unknown.py", "embeddings", ["test_embedding_matrix"], "zeros"),
        ("conv1d_length_true_division.py", "conv1d", ["test_conv1d_output_length"], "Keras's Conv1D"),
        ("conv1d_classifier_lstm_on_top.py", "conv1d", ["test_conv1d_classifier", "test_conv1d_cost_against_an_lstm"],
         "one after another"),
    ],
    "M5": [  # found by a blind tester
        ("embeddings_glove_whole_model_frozen.py", "embeddings", ["test_glove_classifier_holds_the_matrix_frozen"], "frozen",
         ["test_glove_beats_a_learned_embedding_on_200_reviews"]),
        ("embeddings_matrix_all_zeros.py", "embeddings", ["test_embedding_matrix"], "is wrong at"),
        ("text_rnns_lstm_fixed_length.py", "text_rnns", ["test_lstm_classifier"], "(None, None, 32)"),
        ("conv1d_lengths_special_cased.py", "conv1d", ["test_conv1d_output_length", "test_pooling1d_output_length"], "Keras's"),
    ],
    "M6": [
        ("embeddings_glove_frozen_after_a_training_step.py", "embeddings", ["test_glove_classifier_holds_the_matrix_frozen"],
         "set them to the matrix"),
        ("conv1d_classifier_wide_filters.py", "conv1d", ["test_conv1d_classifier", "test_conv1d_cost_against_an_lstm"],
         "multiply-adds"),
    ],
}
# Waves whose wrong functions no training claim calls are graded without the training tests (they would only take time).
WEATHER_WITHOUT_TRAINING = "test_weather and not (beats or near_common or reversed_order)"
# The M waves' training claims are graded only where a wrong file is meant to fail one (the others would only take time).
MODULES_WITHOUT_TRAINING = "(test_embeddings or test_text_rnns or test_conv1d) and not (learns or glove_beats)"
WAVE_SELECTION = {
    **{f"E{n}": "test_encoding or test_rnn_by_hand" for n in range(1, 8)},
    "W1": "test_weather", "W2": "test_weather", **{f"W{n}": WEATHER_WITHOUT_TRAINING for n in range(3, 9)},
    **{f"M{n}": MODULES_WITHOUT_TRAINING for n in (1, 4, 5, 6)},
    "M2": f"({MODULES_WITHOUT_TRAINING}) or lstm_learns",
    "M3": f"({MODULES_WITHOUT_TRAINING}) or embedding_classifier_learns",
}
# Each set is graded as one submission: one right version of each function per set.
ALTERNATIVE_SETS = {
    "styles": {"encoding": ["encoding_alternative.py"], "rnn_by_hand": ["rnn_by_hand_alternative.py"],
               "weather": ["weather_alternative.py"], "embeddings": ["embeddings_alternative.py"],
               "text_rnns": ["text_rnns_alternative.py"], "conv1d": ["conv1d_alternative.py"]},
    "blind": {"embeddings": ["embeddings_glove_weights_argument.py", "embeddings_matrix_float64.py"],
              "conv1d": ["conv1d_lengths_from_keras.py"]},
    "blind_frozen_after_compile": {"embeddings": ["embeddings_glove_frozen_after_compile.py"]},
}
# The styles set is graded with one training claim per model family (the learned embedding, the LSTM, the convnet);
# the weather comparisons and the GloVe draws would retrain the same configurations the reference run already proves.
ALTERNATIVE_SELECTION = {"styles": "not (gru_beats or near_common_sense or reversed_order or glove_beats)",
                         "blind": "test_embeddings or test_conv1d", "blind_frozen_after_compile": "test_glove"}


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


@pytest.mark.parametrize("name", sorted(ALTERNATIVE_SETS))
def test_correct_answers_written_differently_get_full_points(grade, combined_submission, name):
    files = [(file, module) for module, names in ALTERNATIVE_SETS[name].items() for file in names]
    folder = combined_submission(CHAPTER, files, f"alternative_{name}", ALTERNATIVE)
    run = grade(CHAPTER, folder, k=ALTERNATIVE_SELECTION[name])
    assert not run.lost(), run.lost()
