# Wrong here: positions x positions (F @ F.T with F of shape (positions, channels)) instead of channels x channels.
import keras


def gram_matrix(x):
    x = keras.ops.convert_to_tensor(x, "float32")
    features = keras.ops.reshape(x, (-1, keras.ops.shape(x)[2]))
    return keras.ops.matmul(features, keras.ops.transpose(features))
