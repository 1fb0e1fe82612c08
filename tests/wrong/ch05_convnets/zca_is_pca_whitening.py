# Wrong: PCA whitening (rotates into the eigenbasis and stays there): white, but not ZCA.
def fit_zca(x_train, epsilon=1e-6):
    rows = np.asarray(x_train, dtype="float64").reshape(len(x_train), -1)
    mean = rows.mean(axis=0)
    eigenvalues, eigenvectors = np.linalg.eigh(np.cov(rows - mean, rowvar=False, bias=True))
    return mean, eigenvectors @ np.diag(1.0 / np.sqrt(eigenvalues + epsilon))
