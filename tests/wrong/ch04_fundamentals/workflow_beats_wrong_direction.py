"""Wrong: treats a higher MAE as better in regression."""
import numpy as np


def compare_with_baseline(model, problem_type, train_targets, x_test, test_targets):
    predictions = np.asarray(model.predict(x_test, verbose=0))
    test_targets = np.asarray(test_targets)
    if problem_type == "regression":
        score = float(np.mean(np.abs(predictions.reshape(-1) - test_targets)))
        baseline = mean_predictor_mae(train_targets, test_targets)
        return score, baseline, score > baseline
    predicted = (predictions.reshape(-1) > 0.5).astype(int) if problem_type == "binary" else predictions.argmax(-1)
    score = float(np.mean(predicted == test_targets))
    baseline = majority_class_accuracy(train_targets, test_targets)
    return score, baseline, score > baseline
