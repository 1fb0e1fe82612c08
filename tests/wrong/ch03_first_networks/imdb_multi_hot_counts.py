# Wrong: counts repeated words instead of marking presence with 1.0.
def vectorize_sequences(sequences, dimension=10000):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        for j in sequence:
            results[i, j] += 1.0
    return results
