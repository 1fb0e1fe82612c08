# Wrong: scales the test data with the test data's own statistics (leakage).
def standardize(train_data, test_data):
    return ((train_data - train_data.mean(axis=0)) / train_data.std(axis=0),
            (test_data - test_data.mean(axis=0)) / test_data.std(axis=0))
