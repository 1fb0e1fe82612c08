"""Keras models a grader hands to student code to see how the code used them, in one process or across the sealed boundary.

A probe is registered with Keras's serialisation, so sealed grading rebuilds it in the
student's process; what it recorded there (`take_probe_state`, plain data) comes back with
the model's weights after each call and is added to the grader's own object (`absorb_probe`).

Example (ch08's GAN step):
    discriminator = BatchRecordingSequential([...])
    gan.train_discriminator(generator, discriminator, real, 32, rng)
    discriminator.batches      # [(images, labels), ...] given to train_on_batch

    feature_model = SizeRecordingModel(base.inputs, outputs)   # ch08's DeepDream
    deepdream.deep_dream(feature_model, photo, ...)
    feature_model.sizes        # [(height, width), ...] of the images it was called on
"""

from __future__ import annotations

import keras
import numpy as np


class _RecordsBatches:
    """Keeps a float32 copy of every (x, y) given to train_on_batch, in `batches`."""

    def train_on_batch(self, x=None, y=None, *args, **kwargs):
        self.batches = list(getattr(self, "batches", [])) + [(np.array(x, dtype="float32"), np.array(y, dtype="float32"))]
        return super().train_on_batch(x, y, *args, **kwargs)

    def take_probe_state(self) -> dict:
        """Return what was recorded since the last take, as plain data."""
        state = {"batches": [tuple(pair) for pair in getattr(self, "batches", [])]}
        self.batches = []
        return state

    def absorb_probe(self, state: dict) -> None:
        """Add what the same probe recorded elsewhere (in the student's process) to this one's record."""
        pairs = [(np.asarray(x, dtype="float32"), np.asarray(y, dtype="float32")) for x, y in state.get("batches", [])]
        self.batches = list(getattr(self, "batches", [])) + pairs


@keras.saving.register_keras_serializable(package="kerakit")
class BatchRecordingSequential(_RecordsBatches, keras.Sequential):
    """A Sequential model that records the batches it is trained on."""


@keras.saving.register_keras_serializable(package="kerakit")
class BatchRecordingModel(_RecordsBatches, keras.Model):
    """A functional model (`BatchRecordingModel(inputs, outputs)`) that records the batches it is trained on."""


@keras.saving.register_keras_serializable(package="kerakit")
class SizeRecordingModel(keras.Model):
    """A functional model that records the (height, width) of every image batch it is called on, in `sizes`.

    Inside a tf.function it records when the function is traced, once per new shape.
    """

    def __call__(self, images, *args, **kwargs):
        self.sizes = list(getattr(self, "sizes", [])) + [tuple(int(d) for d in images.shape[1:3])]
        return super().__call__(images, *args, **kwargs)

    def take_probe_state(self) -> dict:
        """Return the sizes recorded since the last take."""
        state = {"sizes": [list(size) for size in getattr(self, "sizes", [])]}
        self.sizes = []
        return state

    def absorb_probe(self, state: dict) -> None:
        """Add the sizes the same probe recorded elsewhere to this one's."""
        sizes = [tuple(int(d) for d in size) for size in state.get("sizes", []) if isinstance(size, (list, tuple))]
        self.sizes = list(getattr(self, "sizes", [])) + sizes
