# Wrong here: the book's first edition KL: a mean over the latent dimensions scaled by 5e-4.
import keras


def kl_divergence(z_mean, z_log_var):
    z_mean, z_log_var = keras.ops.convert_to_tensor(z_mean, "float32"), keras.ops.convert_to_tensor(z_log_var, "float32")
    return -5e-4 * keras.ops.mean(1 + z_log_var - keras.ops.square(z_mean) - keras.ops.exp(z_log_var), axis=-1)
