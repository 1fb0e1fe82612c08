"""Wrong: images and videos put channels before height and width (not TensorFlow's channels-last)."""


def data_tensor_shape(kind, samples, **sizes):
    axes_of_kind = {
        "vector": ("features",),
        "timeseries": ("timesteps", "features"),
        "image": ("channels", "height", "width"),
        "video": ("frames", "channels", "height", "width"),
    }
    if kind not in axes_of_kind:
        raise ValueError(f"unknown kind {kind!r}")
    return (samples, *(sizes[axis] for axis in axes_of_kind[kind]))
