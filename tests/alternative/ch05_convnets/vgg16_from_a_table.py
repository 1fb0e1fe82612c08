# Correct, written differently: layers listed from a table, functional built by calling a list of layers.
def _vgg16_layers(num_classes):
    table = []
    for block, (convolutions, filters) in enumerate(VGG16_BLOCKS, start=1):
        table += [layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv{i + 1}") for i in range(convolutions)]
        table.append(layers.MaxPooling2D(pool_size=2, strides=2, name=f"block{block}_pool"))
    return table + [layers.Flatten(name="flatten"), layers.Dense(4096, activation="relu", name="fc1"),
                    layers.Dense(4096, activation="relu", name="fc2"), layers.Dense(num_classes, activation="softmax", name="predictions")]


def build_vgg16_functional(input_shape=(224, 224, 3), num_classes=1000):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for layer in _vgg16_layers(num_classes):
        x = layer(x)
    return keras.Model(inputs=inputs, outputs=x)


def build_vgg16_sequential(input_shape=(224, 224, 3), num_classes=1000):
    return keras.Sequential([keras.Input(shape=input_shape), *_vgg16_layers(num_classes)])
