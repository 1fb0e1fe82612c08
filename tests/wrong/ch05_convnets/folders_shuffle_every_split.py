# Wrong: shuffles validation and test too, so two evaluations see different orders.
def load_image_folders(base_dir, image_size=(150, 150), batch_size=20, seed=1337):
    base_dir = Path(base_dir)
    result = {split: keras.utils.image_dataset_from_directory(base_dir / split, label_mode="binary", image_size=tuple(image_size),
                                                                batch_size=batch_size, shuffle=True, seed=seed, verbose=False)
              for split in SPLITS}
    result["class_names"] = list(result["train"].class_names)
    return result
