"""Proofs for the chapter 8 graders: reference full marks, stubs zero, wrong answers caught, other right answers accepted.

Wrong implementations are graded in combined submissions ("waves"), each replacing
several functions at once (one wrong version of a function per wave); every other test
of a wave must keep its points. The three training claims (the character LSTM, the VAE
and the GAN) are graded by the reference and alternative runs; the waves leave them out.
"""

from pathlib import Path

import pytest

CHAPTER = "ch08_generative"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER
WITHOUT_TRAINING = "not (beats_the_unigram or reconstructs or generates_digits)"

# wave -> [(wrong implementation, module it patches, tests that must lose all their points, words the feedback must contain,
#          other tests that call the wrong function and so may lose points too)]
WAVES = {
    "A": [
        ("sampling_reweight_no_log.py", "sampling", ["test_reweight_distribution"], "is wrong",
         ["test_temperature_limits", "test_sample_frequencies", "test_sample_draws_with_the_given_generator",
          "test_generate_text_follows_the_model", "test_generate_text_draws_with_the_given_generator"]),
        ("text_generation_sequences_off_by_one.py", "text_generation", ["test_make_sequences"], "the character after window"),
        ("text_generation_vectorize_unsorted.py", "text_generation", ["test_vectorize"], "position k",
         ["test_generate_text_follows_the_model"]),
        ("deepdream_loss_no_crop.py", "deepdream", ["test_dream_loss"], "is wrong",
         ["test_gradient_ascent_step", "test_deep_dream_raises_the_loss", "test_deep_dream_refuses_bad_input"]),
        ("deepdream_octaves_largest_first.py", "deepdream", ["test_octave_shapes"], "smallest first",
         ["test_deep_dream_raises_the_loss", "test_deep_dream_reinjects_lost_detail", "test_deep_dream_refuses_bad_input"]),
        ("style_transfer_gram_by_position.py", "style_transfer", ["test_gram_matrix"], "gram_matrix",
         ["test_style_loss", "test_compute_loss", "test_style_transfer_lowers_the_loss", "test_style_transfer_refuses_bad_images"]),
        ("vae_sampling_variance_as_std.py", "vae", ["test_sampling_statistics"], "not the standard deviation"),
        ("vae_grid_transposed.py", "vae", ["test_latent_grid"], "block (row"),
        ("gan_generator_sigmoid.py", "gan", ["test_build_generator"], "tanh"),
        ("gan_labels_no_noise.py", "gan", ["test_discriminator_labels"], "noise",
         ["test_training_step_moves_the_right_weights"]),
        ("gan_not_frozen.py", "gan", ["test_build_gan"], "frozen"),
    ],
    "B": [
        ("sampling_sample_argmax.py", "sampling", ["test_sample_frequencies", "test_sample_draws_with_the_given_generator"], "greedy",
         ["test_generate_text_draws_with_the_given_generator"]),
        ("text_generation_generate_fixed_window.py", "text_generation", ["test_generate_text_follows_the_model"], "first choice"),
        ("text_generation_lstm_sigmoid.py", "text_generation", ["test_build_char_lstm"], "softmax"),
        ("deepdream_step_descends.py", "deepdream", ["test_gradient_ascent_step"], "DOWN the gradient",
         ["test_deep_dream_raises_the_loss"]),
        ("deepdream_no_lost_detail.py", "deepdream", ["test_deep_dream_reinjects_lost_detail"], "resize(original, shape)"),
        ("style_transfer_style_loss_layer_channels.py", "style_transfer", ["test_style_loss"], "style_loss",
         ["test_compute_loss", "test_style_transfer_lowers_the_loss"]),
        ("vae_kl_mean_scaled.py", "vae", ["test_kl_divergence"], "kl_divergence", ["test_vae_loss"]),
        ("gan_discriminator_no_clipping.py", "gan", ["test_build_discriminator"], "clipvalue"),
        ("blind_gan_train_generator_ones.py", "gan", ["test_training_step_moves_the_right_weights"], "all zeros"),
        ("blind_vae_sampling_numpy_noise.py", "vae", ["test_sampling_statistics"], "seed=7"),
    ],
    "C": [
        ("sampling_sample_global_random.py", "sampling", ["test_sample_draws_with_the_given_generator"], "rng argument",
         ["test_generate_text_draws_with_the_given_generator"]),
        ("sampling_reweight_no_checks.py", "sampling", ["test_reweight_refuses_bad_input"], "ValueError"),
        ("style_transfer_tv_squared_only.py", "style_transfer", ["test_total_variation_loss"], "total_variation_loss",
         ["test_compute_loss", "test_style_transfer_lowers_the_loss"]),
        ("vae_decoder_relu_output.py", "vae", ["test_build_decoder"], "sigmoid"),
        ("gan_book_verbatim_step.py", "gan", ["test_training_step_moves_the_right_weights"], "discriminator.trainable = True"),
        ("blind_gan_generator_slope_02.py", "gan", ["test_build_generator"], "negative_slope=0.3"),
        ("blind_deepdream_single_scale.py", "deepdream", ["test_deep_dream_raises_the_loss"], "each octave's size"),
    ],
    "D": [
        ("style_transfer_loss_sums_style_layers.py", "style_transfer", ["test_compute_loss"], "compute_loss",
         ["test_style_transfer_lowers_the_loss"]),
        # found by a blind tester who saw only the sheet and the stubs
        ("blind_gan_real_first.py", "gan", ["test_training_step_moves_the_right_weights"], "mislabelled"),
        ("blind_deepdream_step0_shortcut.py", "deepdream", ["test_deep_dream_reinjects_lost_detail"], "give the photo back"),
        ("blind_text_generate_greedy.py", "text_generation", ["test_generate_text_draws_with_the_given_generator"], "seeds 3 and 4"),
    ],
}
ALTERNATIVES = {
    "sampling": ["sampling_alternative.py"],
    "text_generation": ["text_generation_alternative.py"],
    "gan": ["gan_alternative.py"],
}


def test_reference_gets_full_points(grade):
    run = grade(CHAPTER, "solutions")
    assert not run.lost(), run.lost()
    assert run.score == run.max_score >= 80


def test_untouched_stubs_get_zero_cleanly(grade):
    grade(CHAPTER, "chapters").assert_zero_cleanly()


@pytest.mark.parametrize("wave", sorted(WAVES))
def test_wrong_implementations_lose_their_points(grade, combined_submission, wave):
    wrong_files = WAVES[wave]
    folder = combined_submission(CHAPTER, wrong_files, f"wave{wave}", WRONG)
    run = grade(CHAPTER, folder, k=WITHOUT_TRAINING)
    run.assert_caught(wrong_files)


ALTERNATIVE_SETS = {
    "styles": ALTERNATIVES,
    "blind": {module: [f"blind_{module}.py"] for module in ("sampling", "text_generation", "deepdream", "style_transfer", "vae", "gan")},
}
# The training claims retrain configurations the reference run proves; the styles set keeps the character LSTM's.
ALTERNATIVE_SELECTION = {"styles": "test_sampling or test_text_generation or test_gan and not generates_digits",
                         "blind": WITHOUT_TRAINING}


@pytest.mark.parametrize("name", sorted(ALTERNATIVE_SETS))
def test_correct_answers_written_differently_get_full_points(grade, combined_submission, name):
    files = [(file, module) for module, names in ALTERNATIVE_SETS[name].items() for file in names]
    folder = combined_submission(CHAPTER, files, f"alternative_{name}", ALTERNATIVE)
    run = grade(CHAPTER, folder, k=ALTERNATIVE_SELECTION[name])
    assert not run.lost(), run.lost()
