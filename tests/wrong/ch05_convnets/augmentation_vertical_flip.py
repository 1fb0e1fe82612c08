# Wrong: flips upside down too; the book flips horizontally only.
def build_augmentation(seed=None):
    return keras.Sequential([layers.RandomRotation(40 / 360), layers.RandomTranslation(0.2, 0.2), layers.RandomZoom(0.2),
                             layers.RandomFlip("horizontal_and_vertical")])
