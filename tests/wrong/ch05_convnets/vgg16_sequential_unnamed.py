# Wrong: right layers, but Keras's automatic names (conv2d_3, ...) instead of the book's block1_conv1, ...
def build_vgg16_sequential(input_shape=(224, 224, 3), num_classes=1000):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for convolutions, filters in VGG16_BLOCKS:
        for _ in range(convolutions):
            model.add(layers.Conv2D(filters, (3, 3), activation="relu", padding="same"))
        model.add(layers.MaxPooling2D((2, 2), strides=(2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(4096, activation="relu"))
    model.add(layers.Dense(4096, activation="relu"))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return model
