# Wrong here: the border is not cropped.
import keras


def dream_loss(activations, layer_weights):
    loss = 0.0
    for name, weight in layer_weights.items():
        loss = loss + weight * keras.ops.mean(keras.ops.square(keras.ops.convert_to_tensor(activations[name], "float32")))
    return loss
