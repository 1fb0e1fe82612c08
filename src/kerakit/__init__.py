"""kerakit: exercises with automated grading for learning deep learning with Keras 3."""

__version__ = "0.1.0"

# The one seed every grader, calibration and reference run derives its randomness from.
KIT_SEED = 1234
