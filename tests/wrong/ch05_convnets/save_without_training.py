# Wrong: runs the augmentation through predict, which is inference mode, so the saved images are plain copies.
def save_augmented_images(images, augmentation, directory, count, prefix="aug", image_format="png"):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    while len(paths) < count:
        for image in augmentation.predict(np.asarray(images, dtype="float32"), verbose=0):
            if len(paths) == count:
                break
            paths.append(directory / f"{prefix}_{len(paths)}.{image_format}")
            keras.utils.save_img(str(paths[-1]), image, scale=False)
    return paths
