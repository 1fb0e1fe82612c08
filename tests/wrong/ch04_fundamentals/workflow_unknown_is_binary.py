"""Wrong: an unknown problem type silently gets the binary answer instead of an error."""


def last_layer_for(problem_type):
    table = {
        "multiclass_single_label": ("softmax", "categorical_crossentropy"),
        "multiclass_multi_label": ("sigmoid", "binary_crossentropy"),
        "regression": (None, "mse"),
        "regression_0_1": ("sigmoid", "mse"),
    }
    return table.get(problem_type, ("sigmoid", "binary_crossentropy"))
