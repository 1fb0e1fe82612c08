# Wrong: unfreezes from the layer AFTER the named one.
def set_trainable_from(base, layer_name):
    base.trainable = True
    names = [layer.name for layer in base.layers]
    start = names.index(layer_name) + 1
    for index, layer in enumerate(base.layers):
        layer.trainable = index >= start
    return base
