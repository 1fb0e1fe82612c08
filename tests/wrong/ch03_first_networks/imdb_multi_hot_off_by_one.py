# Wrong: shifts every word id by one column (a classic off-by-one in multi-hot encoding).
def vectorize_sequences(sequences, dimension=10000):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, [j - 1 for j in sequence]] = 1.0
    return results
