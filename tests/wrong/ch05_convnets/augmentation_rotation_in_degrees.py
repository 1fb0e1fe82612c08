# Wrong: RandomRotation takes a fraction of a full turn; 40 means forty full turns either way.
def build_augmentation(seed=None):
    return keras.Sequential([layers.RandomRotation(40), layers.RandomTranslation(0.2, 0.2), layers.RandomZoom(0.2),
                             layers.RandomFlip("horizontal")])
