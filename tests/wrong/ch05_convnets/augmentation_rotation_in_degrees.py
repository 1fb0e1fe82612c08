# Wrong: reads "40 degrees" as 0.4; RandomRotation's factor is a fraction of a full turn, so this rotates up to 144 degrees.
def build_augmentation(seed=None):
    return keras.Sequential([layers.RandomRotation(0.4), layers.RandomTranslation(0.2, 0.2), layers.RandomZoom(0.2),
                             layers.RandomFlip("horizontal")])
