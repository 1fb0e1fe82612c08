"""Chapter 5, exercise 4: training a convnet from scratch on a small image set, then fighting its overfitting.

Textbook: DLwP §5.2 "Training a convnet from scratch on a small dataset": the
cats-vs-dogs network (listing 5.5), its overfitting (§5.2.4, ~70% validation
accuracy), data augmentation + Dropout(0.5) (listings 5.11–5.13, ~82%); seed 000 §三.

Scaled down for the kit's budget: the book trains on 2,000 photos of 150 x 150 with
four conv blocks (3,453,121 parameters); here the images are 32 x 32 and the network
keeps three blocks, so the last feature map is 2 x 2 x 64 and the model has 155,681
parameters. The data is `kerakit.data.shapes` (ellipses vs triangles on photo crops),
see the chapter README.
"""

import keras
from keras import layers


def build_small_convnet(input_shape=(32, 32, 3), augmentation=None, dropout=0.0):
    """Return the compiled small-data convnet, optionally with augmentation and dropout.

    Layers, in order:
      [augmentation, if given: a keras.Sequential of random layers, active only in training]
      Rescaling(1/127.5, offset=-1)      values 0-255 -> [-1, 1]
      Conv2D(16, 3, relu) -> MaxPooling2D(2)
      Conv2D(32, 3, relu) -> MaxPooling2D(2)
      Conv2D(64, 3, relu) -> MaxPooling2D(2)
      Flatten                            2 x 2 x 64 = 256 at 32 x 32
      [Dropout(dropout), if dropout > 0]
      Dense(512, relu) -> Dense(1, sigmoid)
    155,681 parameters at 32 x 32 x 3 (augmentation, Rescaling and Dropout add none).
    Compile with keras.optimizers.Adam(learning_rate=1e-3) (the book's RMSprop(1e-4) is
    too slow for the kit's few epochs), binary_crossentropy and accuracy.

    Textbook: DLwP listings 5.5–5.6 (model and compile) and 5.13 (Dropout(0.5) before the Dense layer).
    """
    # Hint: pass the augmentation in as the first layer; Keras runs it only inside fit.
    # BEGIN SOLUTION: a Sequential with the optional augmentation first and Dropout after Flatten
    model = keras.Sequential([keras.Input(shape=input_shape)])
    if augmentation is not None:
        model.add(augmentation)
    model.add(layers.Rescaling(1 / 127.5, offset=-1))
    for filters in (16, 32, 64):
        model.add(layers.Conv2D(filters, (3, 3), activation="relu"))
        model.add(layers.MaxPooling2D((2, 2)))
    model.add(layers.Flatten())
    if dropout > 0:
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(512, activation="relu"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="binary_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION
