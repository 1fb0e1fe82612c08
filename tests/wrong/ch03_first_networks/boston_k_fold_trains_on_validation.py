# Wrong: fits every fold's model on ALL the data, its validation fold included.
def k_fold_validation(build_model, data, targets, k=4, num_epochs=100, batch_size=1):
    n = len(data) // k
    scores = []
    for i in range(k):
        model = build_model()
        model.fit(data, targets, epochs=num_epochs, batch_size=batch_size, verbose=0)
        scores.append(float(model.evaluate(data[i * n:(i + 1) * n], targets[i * n:(i + 1) * n], verbose=0)[1]))
    return scores
