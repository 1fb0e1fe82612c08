# Wrong: feeds raw 0-255 pixels to a network trained on preprocessed ones.
def prepare_photo(photo, size=(224, 224)):
    height, width = size
    resized = Image.fromarray(np.asarray(photo, dtype=np.uint8)).resize((width, height), Image.BILINEAR)
    return np.expand_dims(np.asarray(resized, dtype="float32"), axis=0)
