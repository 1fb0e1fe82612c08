# Wrong: the other set is scaled with its own statistics (leaks validation information, breaks comparability).
def featurewise_standardize(x_train, x_other):
    def scale(x):
        x = np.asarray(x, dtype="float32")
        return (x - x.mean(axis=(0, 1, 2))) / (x.std(axis=(0, 1, 2)) + 1e-6)
    return scale(x_train), scale(x_other)
