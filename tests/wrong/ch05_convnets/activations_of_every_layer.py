# Wrong: takes the first n layers whatever they are (Flatten and Dense included).
def activation_model(model, n=8):
    return keras.Model(inputs=model.inputs, outputs=[layer.output for layer in model.layers[:n]])
