# Wrong: holds out the LAST samples instead of the first ones.
def holdout_split(x, y, num_validation):
    return (x[:-num_validation], y[:-num_validation]), (x[-num_validation:], y[-num_validation:])
