"""Wrong: multi-label treated like single-label (softmax + categorical_crossentropy)."""


def last_layer_for(problem_type):
    table = {
        "binary": ("sigmoid", "binary_crossentropy"),
        "multiclass_single_label": ("softmax", "categorical_crossentropy"),
        "multiclass_multi_label": ("softmax", "categorical_crossentropy"),
        "regression": (None, "mse"),
        "regression_0_1": ("sigmoid", "mse"),
    }
    if problem_type not in table:
        raise ValueError(f"unknown problem type {problem_type!r}")
    return table[problem_type]
