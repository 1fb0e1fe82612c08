"""Proofs for the chapter 5 graders: reference full marks, stubs zero, wrong answers caught, other right answers accepted.

Grading chapter 5 trains convnets and loads an ImageNet network, so the wrong
implementations are graded in a few combined submissions ("waves"), each replacing
several functions at once, with the expensive training graders left out; every other
test of a wave must keep its points, which shows the wrong functions only cost their
own exercises.
"""

from pathlib import Path

import pytest

CHAPTER = "ch05_convnets"
WRONG = Path(__file__).parent / "wrong" / CHAPTER
ALTERNATIVE = Path(__file__).parent / "alternative" / CHAPTER
TRAINING_TESTS = "not overfits and not generalises and not lift and not beats and not faster and not mnist_convnet_trains"

# wave -> [(wrong implementation, module it patches, tests that must lose all their points, words the feedback must contain,
#          other tests of the same module that call the wrong function and so may lose points too)]
WAVES = {
    "A": [
        ("conv_same_as_valid.py", "conv_arithmetic", ["test_conv_output_size"], "padding='same'", ["test_pool_output_size"]),
        ("conv_params_no_bias.py", "conv_arithmetic", ["test_conv_params"], "use_bias=True"),
        ("mnist_same_padding.py", "mnist_convnet", ["test_mnist_convnet_architecture"], "layer 1"),
        ("mnist_not_scaled.py", "mnist_convnet", ["test_prepare_mnist"], "x from prepare_mnist"),
        ("augmentation_rotation_in_degrees.py", "augmentation", ["test_augmentation_layers"], "fraction of 360"),
        ("standardize_each_with_own_statistics.py", "augmentation", ["test_featurewise_standardize"], "TRAINING mean"),
        ("zca_is_pca_whitening.py", "augmentation", ["test_zca_whitening"], "symmetric"),
        ("save_without_training.py", "augmentation", ["test_save_augmented_images"], "training=True"),
        ("small_convnet_ignores_dropout.py", "small_data", ["test_small_convnet_with_augmentation_and_dropout"], "Dropout"),
        ("folders_shuffle_every_split.py", "cats_dogs_folders", ["test_validation_and_test_keep_their_order"], "should not be shuffled"),
        ("classify_without_preprocessing.py", "classify_photo", ["test_prepare_photo"], "preprocess_input",
         ["test_cat_photo_is_a_cat", "test_coffee_photo_is_espresso"]),
        ("transfer_base_not_frozen.py", "transfer", ["test_frozen_base_does_not_change"], "base.trainable = False"),
        ("transfer_trainable_off_by_one.py", "transfer", ["test_set_trainable_from"], "wrong trainable flag"),
        ("transfer_fine_tune_default_learning_rate.py", "transfer", ["test_compile_for_fine_tuning"], "learning rate 1e-5"),
        ("transfer_features_without_preprocessing.py", "transfer", ["test_extract_features"], "preprocess_input"),
        ("activations_of_every_layer.py", "visualisation", ["test_activation_model"], "conv and pooling layers only"),
        ("filter_gradient_descent.py", "visualisation", ["test_filter_visualisation_raises_the_activation"], "ASCENT"),
        ("gradcam_not_normalised.py", "visualisation", ["test_grad_cam"], "[0, 1]"),
        ("vgg16_valid_padding.py", "vgg16", ["test_vgg16_functional"], "padding"),
        ("vgg16_sequential_unnamed.py", "vgg16", ["test_vgg16_sequential"], "block1_conv1"),
    ],
    "B": [
        ("pool_stride_one.py", "conv_arithmetic", ["test_pool_output_size"], "MaxPooling2D"),
        ("mnist_sparse_loss.py", "mnist_convnet", ["test_mnist_convnet_compile"], "categorical_crossentropy"),
        ("augmentation_vertical_flip.py", "augmentation", ["test_augmentation_layers"], "mode='horizontal'"),
        ("folders_integer_labels.py", "cats_dogs_folders", ["test_folders_give_batches_of_images_and_binary_labels"], "(batch, 1)"),
        ("classify_least_likely_first.py", "classify_photo", ["test_cat_photo_is_a_cat", "test_coffee_photo_is_espresso"], "most likely first"),
        ("transfer_head_learning_rate_too_low.py", "transfer", ["test_feature_head", "test_feature_head_beats_training_from_scratch"],
         "below the floor"),
        ("transfer_fine_tune_ignores_learning_rate.py", "transfer", ["test_compile_for_fine_tuning"], "learning rate"),
        ("transfer_frozen_without_rescaling.py", "transfer", ["test_frozen_base_does_not_change"], "Rescaling"),
    ],
    "C": [
        ("conv_rounds_up.py", "conv_arithmetic", ["test_conv_output_size"], "padding='valid'"),
        ("augmentation_always_on.py", "augmentation", ["test_augmentation_only_in_training"], "Lambda"),
    ],
    "D": [
        ("augmentation_seed_always_fixed.py", "augmentation", ["test_augmentation_layers"], "unseeded"),
    ],
}
WAVE_SELECTION = {
    "A": TRAINING_TESTS,
    "B": "not overfits and not generalises and not lift and not faster and not mnist_convnet_trains",
    "C": "conv_output_size or augmentation_only_in_training",
    "D": "augmentation_layers",
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
    run = grade(CHAPTER, folder, k=WAVE_SELECTION[wave])
    run.assert_caught(wrong_files)


def test_correct_answers_written_differently_get_full_points(grade, submission, tmp_path):
    folder = submission(CHAPTER, {
        "conv_arithmetic": ALTERNATIVE / "conv_arithmetic_explicit_padding.py",
        "mnist_convnet": ALTERNATIVE / "mnist_functional.py",
        "augmentation": ALTERNATIVE / "augmentation_svd_and_pil.py",
        "small_data": ALTERNATIVE / "small_data_functional.py",
        "transfer": ALTERNATIVE / "transfer_sequential_and_flags.py",
        "visualisation": ALTERNATIVE / "visualisation_keras_ops.py",
        "vgg16": ALTERNATIVE / "vgg16_from_a_table.py",
    })
    run = grade(CHAPTER, folder, k="not generalises and not lift")  # the augmented run alone takes ~40 s
    assert not run.lost(), run.lost()


def test_vgg16_graded_small_still_means_the_books_total():
    """The VGG16 graders build at 32 x 32; their layer formulas give the book's 138,357,544 parameters at 224 x 224."""
    import importlib.util

    path = Path(__file__).parents[1] / "graders" / CHAPTER / "test_vgg16.py"
    spec = importlib.util.spec_from_file_location("vgg16_graders", path)
    graders = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(graders)
    assert sum(layer["params"] for layer in graders.vgg16_layers()[0]) == graders.TOTAL_PARAMS == 138_357_544
