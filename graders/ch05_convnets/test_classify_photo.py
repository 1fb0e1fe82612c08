"""Graders for chapter 5, exercise 6: classifying real photos with an ImageNet network, offline (seed 002; DLwP §5.4.3)."""

import numpy as np
import pytest
from PIL import Image

from kerakit import pretrained
from kerakit.grading import expect, expect_array, expect_close, student_module

classify_photo = student_module("classify_photo")

CAT_CLASSES = {281: "tabby", 282: "tiger_cat", 283: "Persian_cat", 284: "Siamese_cat", 285: "Egyptian_cat"}


def grader_batch(photo, size):
    height, width = size
    resized = np.asarray(Image.fromarray(photo).resize((width, height), Image.BILINEAR), dtype="float32")
    return pretrained.preprocess_input(resized[None])


def check_guesses(guesses, what, top):
    expect(isinstance(guesses, (list, tuple)) and len(guesses) == top,
           f"{what} should return a list of {top} (wordnet_id, label, probability) tuples, got {guesses!r:.200}")
    for guess in guesses:
        expect(isinstance(guess, (list, tuple)) and len(guess) == 3, f"{what}: each guess should be (wordnet_id, label, probability), got {guess!r}")
    probabilities = [float(g[2]) for g in guesses]
    expect(probabilities == sorted(probabilities, reverse=True), f"{what}: guesses should come most likely first, got {probabilities}")
    return guesses


@pytest.mark.points(2)
def test_prepare_photo(classify_photo, rng):
    """prepare_photo resizes, adds the batch axis and preprocesses, for any target size."""
    photo = pretrained.load_photo("coffee")
    for size in ((224, 224), (int(rng.integers(40, 120)), int(rng.integers(40, 120)))):
        what = f"prepare_photo(<coffee photo>, size={size})"
        batch = expect_array(classify_photo.prepare_photo(photo, size=size), what, shape=(1, *size, 3), kinds="f")
        expect_close(batch, grader_batch(photo, size), f"{what} (resize bilinear, float32, batch axis, then pretrained.preprocess_input)",
                     rtol=1e-3, atol=2e-2)


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_cat_photo_is_a_cat(classify_photo, imagenet_model):
    """classify_photo on scikit-image's cat photo: the top guess is a cat class, with the top 3 decoded."""
    guesses = check_guesses(classify_photo.classify_photo(imagenet_model, pretrained.load_photo("cat"), top=3), "classify_photo(model, cat, top=3)", 3)
    classes = pretrained.imagenet_classes()
    cats = {classes[index][1] for index in CAT_CLASSES}
    expect(guesses[0][1] in cats, f"the cat photo's top guess should be a cat ({', '.join(sorted(cats))}), got {guesses[0][1]} {float(guesses[0][2]):.2f}")
    expected = pretrained.decode_predictions(imagenet_model.predict(grader_batch(pretrained.load_photo("cat"), (224, 224)), verbose=0), top=3)[0]
    expect(abs(float(guesses[0][2]) - expected[0][2]) < 0.05,
           f"the top probability should be about {expected[0][2]:.2f} ({expected[0][1]}), got {float(guesses[0][2]):.2f}: check the preprocessing")


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_coffee_photo_is_espresso(classify_photo, imagenet_model):
    """classify_photo on the coffee photo: espresso comes first, and top=5 gives five guesses."""
    guesses = check_guesses(classify_photo.classify_photo(imagenet_model, pretrained.load_photo("coffee"), top=5), "classify_photo(model, coffee, top=5)", 5)
    expect(guesses[0][1] == "espresso", f"the coffee photo's top guess should be espresso, got {guesses[0][1]} {float(guesses[0][2]):.2f}")
