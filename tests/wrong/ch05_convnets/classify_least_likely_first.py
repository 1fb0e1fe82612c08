# Wrong: sorts the classes the wrong way round and reports the least likely ones.
def classify_photo(model, photo, top=3):
    predictions = model.predict(prepare_photo(photo), verbose=0)[0]
    classes = pretrained.imagenet_classes()
    return [(classes[i][0], classes[i][1], float(predictions[i])) for i in np.argsort(predictions)[:top]]
