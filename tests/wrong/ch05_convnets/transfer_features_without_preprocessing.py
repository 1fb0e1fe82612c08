# Wrong: runs the base on raw 0-255 pixels.
def extract_features(base, images, batch_size=32):
    return base.predict(np.asarray(images, dtype="float32"), batch_size=batch_size, verbose=0)
