# Wrong: "valid" convolutions shrink every map, so the blocks' shapes and the dense layers differ.
def build_vgg16_functional(input_shape=(224, 224, 3), num_classes=1000):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for block, (convolutions, filters) in enumerate(VGG16_BLOCKS, start=1):
        for conv in range(1, convolutions + 1):
            x = layers.Conv2D(filters, (3, 3), activation="relu", name=f"block{block}_conv{conv}")(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(4096, activation="relu", name="fc1")(x)
    x = layers.Dense(4096, activation="relu", name="fc2")(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax", name="predictions")(x))
