# Correct, written differently: layers in another order with tuple factors, ZCA through the SVD, images saved with PIL.
def build_augmentation(seed=None):
    return keras.Sequential([
        layers.RandomFlip(mode="horizontal", seed=seed),
        layers.RandomZoom(height_factor=(-0.2, 0.2), seed=seed),
        layers.RandomTranslation(height_factor=(-0.2, 0.2), width_factor=(-0.2, 0.2), seed=seed),
        layers.RandomRotation(factor=(-40 / 360, 40 / 360), seed=seed),
    ])


def featurewise_standardize(x_train, x_other):
    flat = np.asarray(x_train, dtype="float64").reshape(-1, np.shape(x_train)[-1])
    mean, std = flat.mean(axis=0), flat.std(axis=0)
    return ((np.asarray(x_train) - mean) / std).astype("float32"), ((np.asarray(x_other) - mean) / std).astype("float32")


def fit_zca(x_train, epsilon=1e-6):
    rows = np.asarray(x_train, dtype="float64").reshape(len(x_train), -1)
    mean = rows.mean(axis=0)
    _, singular_values, vt = np.linalg.svd((rows - mean) / np.sqrt(len(rows)), full_matrices=False)
    return mean, vt.T @ np.diag(1.0 / np.sqrt(singular_values ** 2 + epsilon)) @ vt


def save_augmented_images(images, augmentation, directory, count, prefix="aug", image_format="png"):
    from PIL import Image

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    images = np.asarray(images, dtype="float32")
    paths = []
    for index in range(count):
        augmented = np.asarray(augmentation(images[index % len(images)][None], training=True))[0]
        path = directory / f"{prefix}_{index}.{image_format}"
        Image.fromarray(np.clip(augmented, 0, 255).astype("uint8")).save(path, format=image_format.upper())
        paths.append(path)
    return paths
