"""Graders for chapter 2, tensors.py: hand-written tensor operations, shapes, reshaping and batches.

Every check runs the student's function on fresh random inputs drawn from the
seeded `rng` fixture and compares it with NumPy, computed here.
"""

from __future__ import annotations

import numpy as np
import pytest

from kerakit.grading import GradingFailure, expect, expect_array, expect_close, student_module

tensors = student_module("tensors")

SIZES = np.arange(2, 9)

# ---------------------------------------------------------------------------
# Helpers: random inputs and the checks the tests share
# ---------------------------------------------------------------------------


def distinct_sizes(rng: np.random.Generator, count: int, low: int = 2, high: int = 9) -> list[int]:
    """Return `count` different axis sizes from [low, high), so that swapped axes always show."""
    return [int(size) for size in rng.choice(np.arange(low, high), size=count, replace=False)]


def matrix_shapes(rng: np.random.Generator) -> list[tuple[int, int]]:
    """Return three (rows, columns) shapes: a square one, a tall one and a wide one."""
    short, long = sorted(distinct_sizes(rng, 2))
    square = int(rng.choice(SIZES))
    return [(square, square), (long, short), (short, long)]


def expect_unchanged(array: np.ndarray, original: np.ndarray, call: str, name: str) -> None:
    """Fail unless input `name` of `call` still equals `original`: the student's function left it alone."""
    if array.shape == original.shape and np.array_equal(array, original):
        return
    if array.shape != original.shape:
        raise GradingFailure(f"{call} changed the shape of {name} from {original.shape} to {array.shape}: "
                             f"expected {name} unchanged")
    index = tuple(int(i) for i in np.argwhere(array != original)[0])
    raise GradingFailure(
        f"{call} changed {name} in place (at index {index} it was {original[index]}, now {array[index]}): "
        f"expected {name} unchanged: work on a copy"
    )


def expect_rejected(function, arguments: tuple, call: str, why: str,
                    advice: str = "check the shapes before the loops") -> None:
    """Fail unless function(*arguments) raises AssertionError or ValueError.

    A NotImplementedError passes through, so an unfinished stub reads "not implemented yet".
    """
    try:
        result = function(*arguments)
    except (AssertionError, ValueError):
        return
    except NotImplementedError:
        raise
    except Exception as error:
        raise GradingFailure(
            f"{call} raised {type(error).__name__}: expected an AssertionError or ValueError because {why}: {advice}"
        ) from error
    got = f"an array of shape {result.shape}" if hasattr(result, "shape") else repr(result)
    raise GradingFailure(f"{call} returned {got}: expected an AssertionError or ValueError because {why}")


def shape_text(*arrays: np.ndarray) -> str:
    """Return the arrays' shapes as text, e.g. "(3, 4) and (5, 2)"."""
    return " and ".join(str(array.shape) for array in arrays)


# ---------------------------------------------------------------------------
# Element-wise operations and broadcasting
# ---------------------------------------------------------------------------


@pytest.mark.points(1)
def test_naive_relu_matches_numpy(tensors, rng):
    """naive_relu(x) equals max(x, 0) on random matrices"""
    for shape in matrix_shapes(rng):
        x = rng.normal(size=shape)
        result = tensors.naive_relu(x.copy())
        expect_close(result, np.maximum(x, 0.0), f"naive_relu(x) for x of shape {shape}")


@pytest.mark.points(1)
def test_naive_relu_leaves_input_unchanged(tensors, rng):
    """naive_relu(x) does not change x"""
    x = rng.normal(size=matrix_shapes(rng)[1])
    (after,) = tensors.naive_relu.call(x).arguments  # the student works on a copy; this is that copy after the call
    expect_unchanged(after, x, "naive_relu(x)", "x")


@pytest.mark.points(1)
def test_naive_add_matches_numpy(tensors, rng):
    """naive_add(x, y) equals x + y on random matrices of the same shape"""
    for shape in matrix_shapes(rng):
        x, y = rng.normal(size=shape), rng.normal(size=shape)
        result = tensors.naive_add(x.copy(), y.copy())
        expect_close(result, x + y, f"naive_add(x, y) for x and y of shape {shape}")


@pytest.mark.points(1)
def test_naive_add_leaves_inputs_unchanged(tensors, rng):
    """naive_add(x, y) does not change x or y"""
    shape = matrix_shapes(rng)[2]
    x, y = rng.normal(size=shape), rng.normal(size=shape)
    x_after, y_after = tensors.naive_add.call(x, y).arguments
    expect_unchanged(x_after, x, "naive_add(x, y)", "x")
    expect_unchanged(y_after, y, "naive_add(x, y)", "y")


@pytest.mark.points(1)
def test_naive_add_rejects_mismatched_shapes(tensors, rng):
    """naive_add(x, y) refuses matrices of different shapes"""
    rows, columns = distinct_sizes(rng, 2)
    # y is larger than x on both axes: a loop over x's shape would run without error.
    x, y = rng.normal(size=(rows, columns)), rng.normal(size=(rows + 1, columns + 1))
    expect_rejected(tensors.naive_add, (x, y), f"naive_add(x, y) for shapes {shape_text(x, y)}",
                    "x and y differ in shape")


@pytest.mark.points(1)
def test_naive_add_matrix_and_vector_matches_numpy(tensors, rng):
    """naive_add_matrix_and_vector(x, y) broadcasts y over the rows of x like x + y"""
    for shape in matrix_shapes(rng):
        x, y = rng.normal(size=shape), rng.normal(size=shape[1])
        result = tensors.naive_add_matrix_and_vector(x.copy(), y.copy())
        expect_close(result, x + y,
                     f"naive_add_matrix_and_vector(x, y) for x of shape {shape} and y of shape {y.shape}")


@pytest.mark.points(1)
def test_naive_add_matrix_and_vector_leaves_inputs_unchanged(tensors, rng):
    """naive_add_matrix_and_vector(x, y) does not change x or y"""
    shape = matrix_shapes(rng)[1]
    x, y = rng.normal(size=shape), rng.normal(size=shape[1])
    x_after, y_after = tensors.naive_add_matrix_and_vector.call(x, y).arguments
    expect_unchanged(x_after, x, "naive_add_matrix_and_vector(x, y)", "x")
    expect_unchanged(y_after, y, "naive_add_matrix_and_vector(x, y)", "y")


@pytest.mark.points(1)
def test_naive_add_matrix_and_vector_rejects_mismatched_shapes(tensors, rng):
    """naive_add_matrix_and_vector(x, y) refuses a vector whose length is not x's number of columns"""
    rows, columns = distinct_sizes(rng, 2)
    x, y = rng.normal(size=(rows, columns)), rng.normal(size=columns + 1)
    expect_rejected(tensors.naive_add_matrix_and_vector, (x, y),
                    f"naive_add_matrix_and_vector(x, y) for shapes {shape_text(x, y)}",
                    "y's length is not x's number of columns")


# ---------------------------------------------------------------------------
# Dot products
# ---------------------------------------------------------------------------


@pytest.mark.points(1)
def test_naive_vector_dot_matches_numpy(tensors, rng):
    """naive_vector_dot(x, y) equals np.dot(x, y) on random vectors"""
    for length in distinct_sizes(rng, 3, low=1):
        x, y = rng.normal(size=length), rng.normal(size=length)
        result = tensors.naive_vector_dot(x.copy(), y.copy())
        expect_close(result, np.dot(x, y), f"naive_vector_dot(x, y) for vectors of length {length}")


@pytest.mark.points(1)
def test_naive_matrix_vector_dot_matches_numpy(tensors, rng):
    """naive_matrix_vector_dot(x, y) equals np.dot(x, y) on random matrices and vectors"""
    for shape in matrix_shapes(rng):
        x, y = rng.normal(size=shape), rng.normal(size=shape[1])
        result = tensors.naive_matrix_vector_dot(x.copy(), y.copy())
        expect_close(result, np.dot(x, y),
                     f"naive_matrix_vector_dot(x, y) for x of shape {shape} and y of shape {y.shape}")


@pytest.mark.points(2)
def test_naive_matrix_dot_matches_numpy(tensors, rng):
    """naive_matrix_dot(x, y) equals np.dot(x, y): (a, b) . (b, c) -> (a, c)"""
    a, b, c = distinct_sizes(rng, 3)
    for x_shape, y_shape in [((a, b), (b, c)), ((c, a), (a, b)), ((b, b), (b, b)), ((1, a), (a, 1))]:
        x, y = rng.normal(size=x_shape), rng.normal(size=y_shape)
        result = tensors.naive_matrix_dot(x.copy(), y.copy())
        expect_close(result, np.dot(x, y), f"naive_matrix_dot(x, y) for shapes {x_shape} and {y_shape}")


@pytest.mark.points(1)
def test_naive_dots_reject_mismatched_shapes(tensors, rng):
    """the three naive dot products refuse shapes that do not line up"""
    a, b, c = distinct_sizes(rng, 3)
    # The second argument is always one longer than it should be: a loop driven by
    # the first argument's shape would silently ignore its last entry.
    vector, longer_vector = rng.normal(size=b), rng.normal(size=b + 1)
    matrix, taller_matrix = rng.normal(size=(a, b)), rng.normal(size=(b + 1, c))
    cases = [
        (tensors.naive_vector_dot, "naive_vector_dot", (vector, longer_vector), "the vectors differ in length"),
        (tensors.naive_matrix_vector_dot, "naive_matrix_vector_dot", (matrix, longer_vector),
         "x.shape[1] != y.shape[0]"),
        (tensors.naive_matrix_dot, "naive_matrix_dot", (matrix, taller_matrix), "x.shape[1] != y.shape[0]"),
    ]
    for function, name, arguments, why in cases:
        expect_rejected(function, arguments, f"{name}(x, y) for shapes {shape_text(*arguments)}", why)


# ---------------------------------------------------------------------------
# Ranks, shapes and data kinds
# ---------------------------------------------------------------------------


@pytest.mark.points(1)
def test_describe_tensor(tensors, rng):
    """describe_tensor(x) gives the rank, shape and dtype name of tensors of rank 0 to 5"""
    dtypes = ["float32", "float64", "uint8", "int64", "float32", "uint8"]
    for rank, dtype in enumerate(dtypes):
        shape = tuple(int(size) for size in rng.integers(1, 6, size=rank))
        x = np.asarray(rng.random(shape) * 100).astype(dtype)  # a true 0D array for rank 0, not a NumPy scalar
        what = f"describe_tensor(x) for a {rank}D {dtype} array of shape {shape}"
        result = tensors.describe_tensor(x)
        expect(isinstance(result, (tuple, list)) and len(result) == 3,
               f"{what} should return a tuple (ndim, shape, dtype name), got {result!r}")
        ndim, got_shape, dtype_name = result
        expect(ndim == rank, f"{what}: expected ndim {rank}, got {ndim!r}")
        expect(isinstance(got_shape, (tuple, list)) and tuple(got_shape) == shape,
               f"{what}: expected shape {shape}, got {got_shape!r}")
        expect(str(dtype_name) == dtype, f"{what}: expected dtype name {dtype!r}, got {dtype_name!r}")


DATA_KIND_AXES = {
    "vector": ("features",),
    "timeseries": ("timesteps", "features"),
    "image": ("height", "width", "channels"),
    "video": ("frames", "height", "width", "channels"),
}


@pytest.mark.points(2)
def test_data_tensor_shape(tensors, rng):
    """data_tensor_shape gives (samples, ...) in the book's axis order for vectors, timeseries, images and video"""
    for kind, axes in DATA_KIND_AXES.items():
        samples, *axis_sizes = distinct_sizes(rng, len(axes) + 1, low=1, high=300)
        sizes = dict(zip(axes, axis_sizes))
        # Keywords in a random order: the answer must come from the names, not their order.
        keyword_order = [axes[i] for i in rng.permutation(len(axes))]
        keywords = {axis: sizes[axis] for axis in keyword_order}
        call = f"data_tensor_shape({kind!r}, {samples}, {', '.join(f'{k}={v}' for k, v in keywords.items())})"
        result = tensors.data_tensor_shape(kind, samples, **keywords)
        expected = (samples, *axis_sizes)
        expect(isinstance(result, (tuple, list)), f"{call} should return a tuple, got {type(result).__name__}")
        expect(tuple(result) == expected,
               f"{call}: expected {expected} (samples, {', '.join(axes)}), got {tuple(result)}")
    expect_rejected(tensors.data_tensor_shape, ("audio", 4), "data_tensor_shape('audio', 4)",
                    "'audio' is not a kind of data it knows", advice="raise ValueError for an unknown kind")


@pytest.mark.points(2)
def test_stack_along_each_axis(tensors, rng):
    """stack_along_each_axis(a, b) stacks two random (m, n) matrices along axes 0, 1 and 2"""
    rows, columns = distinct_sizes(rng, 2)
    a = rng.integers(0, 10, size=(rows, columns))
    b = rng.integers(0, 10, size=(rows, columns))
    result = tensors.stack_along_each_axis(a.copy(), b.copy())
    call = "stack_along_each_axis(a, b)"
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"{call} should return a tuple of three arrays, got {type(result).__name__}"
           + (f" of length {len(result)}" if isinstance(result, (tuple, list)) else ""))
    for axis, stacked in enumerate(result):
        expect_close(stacked, np.stack((a, b), axis=axis),
                     f"{call}[{axis}] (a and b of shape {a.shape} stacked along axis {axis})")


# ---------------------------------------------------------------------------
# Reshaping, transposing and batches
# ---------------------------------------------------------------------------


@pytest.mark.points(1)
def test_flatten_images(tensors, rng):
    """flatten_images turns (samples, height, width) into (samples, height * width), row by row"""
    samples, height, width = distinct_sizes(rng, 3)
    images = rng.integers(0, 256, size=(samples, height, width)).astype("uint8")
    result = tensors.flatten_images(images.copy())
    expect_close(result, images.reshape((samples, height * width)),
                 f"flatten_images(images) for images of shape {images.shape}")


@pytest.mark.points(1)
def test_transpose(tensors, rng):
    """transpose(x) swaps the rows and columns of a random matrix"""
    x = rng.normal(size=tuple(distinct_sizes(rng, 2)))
    expect_close(tensors.transpose(x.copy()), x.T, f"transpose(x) for x of shape {x.shape}")


@pytest.mark.points(1)
def test_to_channels_last(tensors, rng):
    """to_channels_last moves the channels axis of image and video batches to the end"""
    samples, frames, height, width = distinct_sizes(rng, 4)
    channels = 3  # with a single channel, moving the axis and reshaping agree
    images = rng.normal(size=(samples, channels, height, width))
    videos = rng.normal(size=(samples, frames, channels, height, width))
    expect_close(tensors.to_channels_last(images.copy()), np.transpose(images, (0, 2, 3, 1)),
                 f"to_channels_last(images) for images of shape {images.shape} (samples, channels, height, width)")
    expect_close(tensors.to_channels_last(videos.copy()), np.transpose(videos, (0, 1, 3, 4, 2)),
                 f"to_channels_last(videos) for videos of shape {videos.shape} "
                 "(samples, frames, channels, height, width)")


def batch_problem(rng: np.random.Generator) -> tuple[np.ndarray, int, int]:
    """Return (x, batch_size, full_batches): x's samples do not divide evenly into batches.

    Sample i of x is the row [3 * i, 3 * i + 1, 3 * i + 2], so feedback values name the sample.
    """
    batch_size = int(rng.integers(3, 12))
    full_batches = int(rng.integers(3, 6))
    samples = batch_size * full_batches + int(rng.integers(1, batch_size))
    x = np.arange(samples * 3).reshape((samples, 3))
    return x, batch_size, full_batches


@pytest.mark.points(1)
def test_batch_returns_nth_slice(tensors, rng):
    """batch(x, n, batch_size) returns samples batch_size * n up to batch_size * (n + 1)"""
    x, batch_size, full_batches = batch_problem(rng)
    for n in (0, 1, full_batches - 1):
        expect_close(tensors.batch(x, n, batch_size), x[batch_size * n : batch_size * (n + 1)],
                     f"batch(x, {n}, {batch_size}) for x of shape {x.shape}")


@pytest.mark.points(1)
def test_batch_includes_last_partial_batch(tensors, rng):
    """the last, shorter batch holds the remaining samples, and the batches cover every sample once"""
    x, batch_size, full_batches = batch_problem(rng)
    last = tensors.batch(x, full_batches, batch_size)
    expect_close(last, x[batch_size * full_batches :],
                 f"batch(x, {full_batches}, {batch_size}) (the last, partial batch) for x of shape {x.shape}")
    batches = [expect_array(tensors.batch(x, n, batch_size), f"batch(x, {n}, {batch_size})")
               for n in range(full_batches + 1)]
    expect_close(np.concatenate(batches), x,
                 f"the batches 0 to {full_batches} of size {batch_size}, put back together,")
