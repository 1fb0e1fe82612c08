"""Wrong: always compiles at 1e-5, ignoring the learning_rate it is given."""
import keras


def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-5), loss="binary_crossentropy", metrics=["accuracy"])
    return model
