# Wrong here (found by a blind tester): draws epsilon with NumPy's global generator and ignores seed (same seed, different draws; statistics still right)
import numpy as np
import keras


def sampling(z_mean, z_log_var, seed=None):
    epsilon = np.random.standard_normal(tuple(keras.ops.shape(z_mean))).astype("float32")
    return z_mean + keras.ops.exp(z_log_var / 2) * epsilon
