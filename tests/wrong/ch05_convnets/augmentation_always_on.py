# Wrong: a Lambda layer mirrors every image, in training and in inference alike (validation gets augmented).
def build_augmentation(seed=None):
    return keras.Sequential([layers.RandomRotation(40 / 360), layers.RandomTranslation(0.2, 0.2), layers.RandomZoom(0.2),
                             layers.Lambda(lambda images: keras.ops.flip(images, axis=2))])
