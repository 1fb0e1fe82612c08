# Wrong here: x down the rows and y along the columns.
import numpy as np


def latent_grid(decoder, n=15, digit_size=28, path=None):
    from scipy.stats import norm

    grid = norm.ppf(np.linspace(0.05, 0.95, n))
    figure = np.zeros((n * digit_size, n * digit_size))
    for i, xi in enumerate(grid):
        for j, yi in enumerate(grid):
            digit = decoder.predict(np.array([[xi, yi]], dtype="float32"), verbose=0)[0].reshape(digit_size, digit_size)
            figure[i * digit_size:(i + 1) * digit_size, j * digit_size:(j + 1) * digit_size] = digit
    return figure
