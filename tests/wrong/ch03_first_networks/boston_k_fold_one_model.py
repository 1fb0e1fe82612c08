# Wrong: reuses one model for every fold, so later folds start from weights that saw their validation data.
def k_fold_validation(build_model, data, targets, k=4, num_epochs=100, batch_size=1):
    n = len(data) // k
    model = build_model()
    scores = []
    for i in range(k):
        train_x = np.concatenate([data[:i * n], data[(i + 1) * n:]])
        train_y = np.concatenate([targets[:i * n], targets[(i + 1) * n:]])
        model.fit(train_x, train_y, epochs=num_epochs, batch_size=batch_size, verbose=0)
        scores.append(float(model.evaluate(data[i * n:(i + 1) * n], targets[i * n:(i + 1) * n], verbose=0)[1]))
    return scores
