"""Graders for chapter 8, exercise 6: a DCGAN (DLwP §8.5).

The generator and discriminator are compared layer by layer at the book's 32 x 32 x 3
and at 28 x 28 x 1; the GAN's record must hold the discriminator frozen and the book's
clipped optimizers. The training step runs on the grader's own small models: the
discriminator's half must move the discriminator's weights and not the generator's, the
GAN's half the reverse (Keras 3 reads `trainable` when a model first trains). Then the
grader trains models rebuilt from your builders (fresh weights, 28 x 28 digits) with your
step functions, and its own digit classifier, trained on the real digits, must label a
share of the samples with high confidence, and in several classes (no collapse to one mode).
"""

import numpy as np
import pytest

from kerakit.grading import (HIGHER, GradingFailure, assert_architecture, assert_compiled_with, expect, expect_array, fresh_model,
                             student_module)

gan = student_module("gan")

LATENT = 32
SMALL = {"height": 28, "width": 28, "channels": 1, "filters": 32}
TRAIN_STEPS, BATCH = 400, 32  # 12,800 real digits shown (3.2 epochs of the 4,000); about 40 ms a step on 2 cores
SAMPLES = 64
MIN_CLASSES = 3  # measured 8-10 distinct classes among 64 trained samples; 1 for an untrained generator, 2-3 for noise


def leaky():
    return {"class": "LeakyReLU", "negative_slope": 0.3}  # Keras's default, as the book's LeakyReLU()


def generator_layers(latent_dim, height, width, channels, filters):
    h, w, f = height // 2, width // 2, filters
    return [
        {"class": "Dense", "units": (f // 2) * h * w, "activation": "linear", "params": (latent_dim + 1) * (f // 2) * h * w}, leaky(),
        {"class": "Reshape", "output_shape": (None, h, w, f // 2)},
        {"class": "Conv2D", "filters": f, "kernel_size": (5, 5), "padding": "same", "output_shape": (None, h, w, f)}, leaky(),
        {"class": "Conv2DTranspose", "filters": f, "kernel_size": (4, 4), "strides": (2, 2), "padding": "same",
         "output_shape": (None, height, width, f)}, leaky(),
        {"class": "Conv2D", "filters": f, "kernel_size": (5, 5), "padding": "same", "output_shape": (None, height, width, f)}, leaky(),
        {"class": "Conv2D", "filters": f, "kernel_size": (5, 5), "padding": "same", "output_shape": (None, height, width, f)}, leaky(),
        {"class": "Conv2D", "filters": channels, "kernel_size": (7, 7), "padding": "same", "activation": "tanh",
         "output_shape": (None, height, width, channels)},
    ]


def discriminator_layers(height, width, channels, filters):
    size = lambda n, k, s: (n - k) // s + 1  # noqa: E731 (valid padding)
    h, w = size(height, 3, 1), size(width, 3, 1)
    spec = [{"class": "Conv2D", "filters": filters, "kernel_size": (3, 3), "strides": (1, 1), "padding": "valid",
             "output_shape": (None, h, w, filters)}, leaky()]
    for _ in range(3):
        h, w = size(h, 4, 2), size(w, 4, 2)
        spec += [{"class": "Conv2D", "filters": filters, "kernel_size": (4, 4), "strides": (2, 2), "padding": "valid",
                  "output_shape": (None, h, w, filters)}, leaky()]
    return spec + [{"class": "Flatten"}, {"class": "Dropout", "rate": 0.4},
                   {"class": "Dense", "units": 1, "activation": "sigmoid", "output_shape": (None, 1)}]


@pytest.mark.points(3)
def test_build_generator(gan):
    """build_generator: Dense -> Reshape to half size -> Conv2D, Conv2DTranspose (x2), Conv2D, Conv2D with LeakyReLU -> Conv2D(tanh)."""
    for settings in ({"latent_dim": 32, "height": 32, "width": 32, "channels": 3, "filters": 256}, {"latent_dim": 16, **SMALL}):
        what = "build_generator(" + ", ".join(f"{k}={v}" for k, v in settings.items()) + ")"
        assert_architecture(gan.build_generator(**settings), generator_layers(**settings), what)


def clip_value(record):
    optimizer = ((record.compile_config or {}).get("optimizer") or {})
    return (optimizer.get("config") or {}).get("clipvalue") if isinstance(optimizer, dict) else None


@pytest.mark.points(3)
def test_build_discriminator(gan):
    """build_discriminator: Conv2D(3) and three strided Conv2D(4) with LeakyReLU -> Flatten -> Dropout(0.4) -> Dense(1, sigmoid); RMSprop(0.0008, clipvalue=1)."""
    for settings in ({"height": 32, "width": 32, "channels": 3, "filters": 128}, SMALL):
        what = "build_discriminator(" + ", ".join(f"{k}={v}" for k, v in settings.items()) + ")"
        record = gan.build_discriminator(**settings)
        assert_architecture(record, discriminator_layers(**settings), what)
        assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", learning_rate=0.0008)
        expect(clip_value(record) == 1.0, f"{what} should clip gradients: RMSprop(..., clipvalue=1.0), got clipvalue={clip_value(record)}")


def grader_generator(latent_dim=LATENT):
    import keras
    from keras import layers

    return keras.Sequential([keras.Input(shape=(latent_dim,)), layers.Dense(7 * 7 * 8), layers.LeakyReLU(), layers.Reshape((7, 7, 8)),
                             layers.Conv2DTranspose(8, 4, strides=4, padding="same"), layers.LeakyReLU(),
                             layers.Conv2D(1, 3, padding="same", activation="tanh")], name="grader_generator")


def grader_discriminator():
    import keras
    from keras import layers

    from kerakit.grading.probes import BatchRecordingSequential  # records its batches, in the student's process too

    model = BatchRecordingSequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 4, strides=2), layers.LeakyReLU(),
                                         layers.Flatten(), layers.Dense(1, activation="sigmoid")], name="grader_discriminator")
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0008, clipvalue=1.0), loss="binary_crossentropy")
    return model


def frozen(model_config):
    """Return True when a nested model's config is frozen: the model itself, or every one of its layers that has weights."""
    if model_config.get("trainable") is False:
        return True
    weighted = [layer.get("config", {}) for layer in model_config.get("layers", [])
                if layer.get("class_name") not in ("InputLayer", "LeakyReLU", "Flatten", "Dropout", "Reshape", "Activation")]
    return bool(weighted) and all(layer.get("trainable") is False for layer in weighted)


@pytest.mark.points(2)
def test_build_gan(gan):
    """build_gan chains generator and discriminator with the discriminator frozen; RMSprop(0.0004, clipvalue=1), binary cross-entropy."""
    what = "build_gan(generator, discriminator, latent_dim=32)"
    record = gan.build_gan(grader_generator(), grader_discriminator(), LATENT)
    expect(hasattr(record, "config"), f"{what} should return a keras.Model")
    expect(tuple(record.summary.output_shape) == (None, 1), f"{what} should output (batch, 1) probabilities, got {record.summary.output_shape}")
    layers = (record.config.get("config") or {}).get("layers") or []
    nested = {layer.get("name") or layer.get("config", {}).get("name"): layer.get("config", {}) for layer in layers}
    expect("grader_discriminator" in nested and "grader_generator" in nested,
           f"{what} should call the generator and then the discriminator model, got the layers {list(nested)}")
    expect(frozen(nested["grader_discriminator"]), f"{what}: the discriminator inside the GAN should be frozen "
                                                   "(discriminator.trainable = False before compiling)")
    expect(not frozen(nested["grader_generator"]), f"{what}: the generator inside the GAN must stay trainable")
    assert_compiled_with(record, what, optimizer="RMSprop", loss="binary_crossentropy", learning_rate=0.0004)
    expect(clip_value(record) == 1.0, f"{what} should clip gradients: RMSprop(..., clipvalue=1.0), got clipvalue={clip_value(record)}")


@pytest.mark.points(2)
def test_discriminator_labels(gan, rng):
    """discriminator_labels: (2 * batch, 1) with generated images labelled 1 and real ones 0, plus 0.05 * uniform noise from rng."""
    batch = int(rng.integers(20, 60))
    what = f"discriminator_labels({batch}, rng)"
    labels = expect_array(gan.discriminator_labels(batch, np.random.default_rng(5)), what, shape=(2 * batch, 1), kinds="f")
    fakes, reals = labels[:batch, 0], labels[batch:, 0]
    expect(fakes.min() >= 1 and fakes.max() < 1.05, f"{what}: the first {batch} (generated) should be 1 plus noise in [0, 0.05), "
                                                    f"got {fakes.min():.3f}..{fakes.max():.3f}")
    expect(reals.min() >= 0 and reals.max() < 0.05, f"{what}: the last {batch} (real) should be 0 plus noise in [0, 0.05), "
                                                    f"got {reals.min():.3f}..{reals.max():.3f}")
    noise = labels[:, 0] - np.concatenate([np.ones(batch), np.zeros(batch)])
    expect(noise.std() > 0.008 and noise.max() - noise.min() > 0.03,
           f"{what}: add 0.05 * uniform noise to every label (got noise from {noise.min():.4f} to {noise.max():.4f})")
    again = np.asarray(gan.discriminator_labels(batch, np.random.default_rng(5)))
    expect(np.array_equal(labels, again), f"{what} gave other noise for the same seed: draw it with rng")


def weights_of(model):
    return [w.copy() for w in model.get_weights()]


def moved(before, model):
    return any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def grader_gan(generator, discriminator):
    import keras

    discriminator.trainable = False
    latent = keras.Input(shape=(LATENT,))
    from kerakit.grading.probes import BatchRecordingModel

    model = BatchRecordingModel(latent, discriminator(generator(latent)))
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0004, clipvalue=1.0), loss="binary_crossentropy")
    return model


@pytest.mark.points(3)
@pytest.mark.timeout(240)
def test_training_step_moves_the_right_weights(gan, digits, rng):
    """train_discriminator moves only the discriminator's weights, train_generator only the generator's (the GAN built the book's way)."""
    generator, discriminator = grader_generator(), grader_discriminator()
    combined = grader_gan(generator, discriminator)  # built as the book does: the discriminator frozen before it ever trained
    real = digits["x_train"][:16] * 2 - 1
    for round_ in (1, 2):
        g_before, d_before = weights_of(generator), weights_of(discriminator)
        what = f"train_discriminator(generator, discriminator, <16 real digits>, 32, rng) (call {round_})"
        loss = gan.train_discriminator(generator, discriminator, real, LATENT, np.random.default_rng(round_))
        expect(np.isfinite(float(np.asarray(loss).reshape(-1)[0])), f"{what} should return the loss, got {loss!r}")
        expect(moved(d_before, discriminator), f"{what} left the discriminator's weights unchanged: in Keras 3 set "
                                               "discriminator.trainable = True before its train_on_batch (the GAN froze it)")
        expect(not moved(g_before, generator), f"{what} changed the generator's weights: only the discriminator trains here")
        g_before, d_before = weights_of(generator), weights_of(discriminator)
        what = f"train_generator(gan, discriminator, 16, 32, rng) (call {round_})"
        loss = gan.train_generator(combined, discriminator, 16, LATENT, np.random.default_rng(10 + round_))
        expect(np.isfinite(float(np.asarray(loss).reshape(-1)[0])), f"{what} should return the loss, got {loss!r}")
        expect(moved(g_before, generator), f"{what} left the generator's weights unchanged: train the GAN on latent vectors")
        expect(not moved(d_before, discriminator), f"{what} changed the discriminator's weights: set discriminator.trainable = False "
                                                   "before training the GAN")
    check_discriminator_batches(discriminator.batches, real)
    for _, targets in combined.batches:
        expect(targets.shape == (16, 1) and np.all(targets < 0.5), "train_generator should train the GAN with targets that say "
               f"\"real\": all zeros (real images are labelled 0 here), got {targets.ravel()[:6].round(3).tolist()}...")


def check_discriminator_batches(batches, real):
    """Each discriminator batch holds the real images exactly where its labels say "real" (near 0), generated ones elsewhere."""
    for images, labels in batches:
        expect(len(images) == 2 * len(real) and labels.shape == (2 * len(real), 1),
               f"train_discriminator should train on {len(real)} generated + {len(real)} real images with one label each, "
               f"got {images.shape} images and labels {labels.shape}")
        flat, reals = images.reshape(len(images), -1), real.reshape(len(real), -1)
        is_real = np.array([np.any(np.all(np.isclose(row, reals, atol=1e-5), axis=1)) for row in flat])
        says_real = labels[:, 0] < 0.5
        expect(np.array_equal(is_real, says_real), "train_discriminator's labels do not match its images: the real images should "
               f"carry the labels near 0 and the generated ones those near 1 ({int(np.sum(is_real != says_real))} of "
               f"{len(labels)} rows mislabelled): concatenate [generated, real] in the order discriminator_labels expects")


def grader_classifier(digits):
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
                              layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
                              layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(digits["x_train"] * 2 - 1, digits["y_train"], epochs=4, batch_size=64, verbose=0)
    return model


@pytest.mark.points(3)
@pytest.mark.timeout(300)
def test_gan_generates_digits(gan, digits, floors):
    """Models rebuilt from your builders (fresh weights, 28 x 28 x 1, 32 filters) and trained with your step make confidently classified digits of several classes."""
    from kerakit.grading import seed_everything

    seed = seed_everything()
    generator = fresh_model(gan.build_generator(latent_dim=LATENT, **SMALL), f"build_generator(latent_dim={LATENT}, 28 x 28 x 1)",
                            compile_with={"optimizer": "rmsprop", "loss": "binary_crossentropy"})
    discriminator = fresh_model(gan.build_discriminator(**SMALL), "build_discriminator(28 x 28 x 1)")
    shapes = (tuple(generator.outputs[0].shape), tuple(discriminator.inputs[0].shape), tuple(discriminator.outputs[0].shape))
    expect(shapes == ((None, 28, 28, 1), (None, 28, 28, 1), (None, 1)),
           f"at 28 x 28 x 1 the generator should output (batch, 28, 28, 1) images and the discriminator read them and output "
           f"(batch, 1), got generator {shapes[0]}, discriminator {shapes[1]} -> {shapes[2]}")
    combined = grader_gan(generator, discriminator)
    real = digits["x_train"] * 2 - 1  # tanh's range
    rng = np.random.default_rng(seed)
    for step in range(TRAIN_STEPS):
        batch = real[rng.integers(0, len(real), BATCH)]
        d_loss = gan.train_discriminator(generator, discriminator, batch, LATENT, rng)
        g_loss = gan.train_generator(combined, discriminator, BATCH, LATENT, rng)
        if not (np.isfinite(float(np.asarray(d_loss).reshape(-1)[0])) and np.isfinite(float(np.asarray(g_loss).reshape(-1)[0]))):
            raise GradingFailure(f"the GAN's losses became NaN at step {step + 1} (discriminator {d_loss}, GAN {g_loss})")
    samples = generator.predict(rng.normal(size=(SAMPLES, LATENT)).astype("float32"), verbose=0)
    probabilities = grader_classifier(digits).predict(samples, verbose=0)
    confident = float(np.mean(probabilities.max(axis=1) > 0.9))
    classes = len(set(np.argmax(probabilities, axis=1).tolist()))
    floors.check("gan_share_confidently_classified", confident,
                 f"share of {SAMPLES} samples the grader's digit classifier labels with confidence above 0.9, after {TRAIN_STEPS} steps "
                 f"x batch {BATCH} ({classes} classes among them; an untrained generator scores 0)", HIGHER)
    expect(classes >= MIN_CLASSES, f"the {SAMPLES} samples fall in only {classes} digit class(es): the generator collapsed to one mode "
                                   f"(expected at least {MIN_CLASSES}; trained reference: 8-10)")
