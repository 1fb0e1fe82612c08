# Wrong: RMSprop's default learning rate (1e-3) is far too high for fine-tuning.
def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model
