"""Wrong: the "regularised" model is the original one; the regulariser was never attached."""


def build_regularized_model(kind, factor=0.001, input_dim=10000):
    weight_regularizer(kind, factor)
    return build_original_model(input_dim)
