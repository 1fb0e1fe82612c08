# Wrong here: the book's first edition: exp(z_log_var) is the variance, not the standard deviation.
import keras


def sampling(z_mean, z_log_var, seed=None):
    z_mean = keras.ops.convert_to_tensor(z_mean, "float32")
    return z_mean + keras.ops.exp(keras.ops.convert_to_tensor(z_log_var, "float32")) * keras.random.normal(keras.ops.shape(z_mean), seed=seed)
