"""Wrong: retraining keeps holding out 20% for validation instead of training on all the data."""


def retrain_for(build_model, x_train, y_train, epochs, batch_size=512):
    model = build_model()
    model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, validation_split=0.2, verbose=0)
    return model
