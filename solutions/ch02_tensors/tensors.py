"""Chapter 2: tensors and tensor operations, written out by hand with NumPy.

Deep Learning with Python (DLwP) chapter 2 shows what a Dense layer computes by
re-implementing its tensor operations with plain Python loops. Writing them
yourself is the point: afterwards `np.maximum(x, 0.0)`, `x + y` and `x @ y` hold
no mystery. (A vectorised answer still passes the graders, but write the loops
first.)

Every function here is pure: it takes NumPy arrays and returns new ones, and
never changes its inputs.

Textbook: DLwP §2.2-2.3; seed 004 ch2 §2.2-2.3 and the np.stack example at its top.
"""

from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------------------
# Element-wise operations and broadcasting (DLwP §2.3.1-2.3.2)
# ---------------------------------------------------------------------------


def naive_relu(x):
    """Return relu(x) = max(x, 0) of a 2D array, computed entry by entry with loops.

    Textbook: DLwP §2.3.1; seed 004 ch2 §2.3 (element-wise operations).

    Args:
        x: a 2D NumPy array of shape (rows, columns).

    Returns:
        A new array of the same shape and dtype as `x`; `x` itself is unchanged.

    Example:
        naive_relu(np.array([[-1.0, 2.0]]))  ->  array([[0., 2.]])
    """
    # Hint: a 2D array has x.shape[0] rows and x.shape[1] columns: two nested loops.
    # Hint: writing into `x` would change the caller's array. Work on a copy.
    # BEGIN SOLUTION: loop over rows and columns; start from a copy of x
    assert len(x.shape) == 2, f"expected a 2D array, got shape {x.shape}"
    x = x.copy()
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            x[i, j] = max(x[i, j], 0)
    return x
    # END SOLUTION


def naive_add(x, y):
    """Return the element-wise sum x + y of two 2D arrays of the same shape, using loops.

    Textbook: DLwP §2.3.1; seed 004 ch2 §2.3 (element-wise operations).

    Args:
        x: a 2D array of shape (rows, columns).
        y: a 2D array of the same shape as `x`.

    Returns:
        A new array of shape (rows, columns); `x` and `y` are unchanged.

    Raises:
        AssertionError (or ValueError): when `x` and `y` differ in shape.
    """
    # Hint: check the shapes first (`assert ...`), the way the book does.
    # BEGIN SOLUTION: assert the shapes match, then add entry by entry into a copy of x
    assert len(x.shape) == 2, f"expected a 2D array, got shape {x.shape}"
    assert x.shape == y.shape, f"x and y must have the same shape, got {x.shape} and {y.shape}"
    x = x.copy()
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            x[i, j] += y[i, j]
    return x
    # END SOLUTION


def naive_add_matrix_and_vector(x, y):
    """Return x + y for a matrix x and a vector y, broadcasting y over the rows of x, using loops.

    This is what NumPy does for `x + y` with shapes (32, 10) and (10,): the vector is
    repeated along a new first axis until it matches the matrix.

    Textbook: DLwP §2.3.2 (broadcasting); seed 004 ch2 §2.3 (广播).

    Args:
        x: a 2D array of shape (rows, columns).
        y: a 1D array of shape (columns,).

    Returns:
        A new array of shape (rows, columns) whose entry [i, j] is x[i, j] + y[j].

    Raises:
        AssertionError (or ValueError): when y's length differs from x's number of columns.
    """
    # Hint: which index of y goes with column j of x?
    # BEGIN SOLUTION: check y's length against x's columns, then add y to every row of a copy of x
    assert len(x.shape) == 2, f"expected a 2D matrix, got shape {x.shape}"
    assert len(y.shape) == 1, f"expected a 1D vector, got shape {y.shape}"
    assert x.shape[1] == y.shape[0], f"x has {x.shape[1]} columns but y has {y.shape[0]} entries"
    x = x.copy()
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            x[i, j] += y[j]
    return x
    # END SOLUTION


# ---------------------------------------------------------------------------
# Tensor dot (DLwP §2.3.3)
# ---------------------------------------------------------------------------


def naive_vector_dot(x, y):
    """Return the dot product of two vectors of the same length: a single number.

    Textbook: DLwP §2.3.3; seed 004 ch2 §2.3 (张量点积).

    Args:
        x: a 1D array of shape (n,).
        y: a 1D array of shape (n,).

    Returns:
        The float sum over i of x[i] * y[i].

    Raises:
        AssertionError (or ValueError): when the lengths differ.
    """
    # BEGIN SOLUTION: assert equal lengths, then accumulate x[i] * y[i] into a running total
    assert len(x.shape) == 1 and len(y.shape) == 1, f"expected two vectors, got shapes {x.shape} and {y.shape}"
    assert x.shape[0] == y.shape[0], f"vectors of different lengths: {x.shape[0]} and {y.shape[0]}"
    total = 0.0
    for i in range(x.shape[0]):
        total += x[i] * y[i]
    return total
    # END SOLUTION


def naive_matrix_vector_dot(x, y):
    """Return the matrix-vector product x . y: entry i is the dot of row i of x with y.

    Textbook: DLwP §2.3.3; seed 004 ch2 §2.3 (a matrix dot a vector returns a vector).

    Args:
        x: a 2D array of shape (rows, columns).
        y: a 1D array of shape (columns,).

    Returns:
        A new 1D array of shape (rows,).

    Raises:
        AssertionError (or ValueError): when x.shape[1] != y.shape[0].
    """
    # Hint: you may call naive_vector_dot on each row.
    # BEGIN SOLUTION: start from np.zeros(x.shape[0]) and fill entry i from row i of x
    assert len(x.shape) == 2 and len(y.shape) == 1, f"expected a matrix and a vector, got {x.shape} and {y.shape}"
    assert x.shape[1] == y.shape[0], f"x has {x.shape[1]} columns but y has {y.shape[0]} entries"
    z = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            z[i] += x[i, j] * y[j]
    return z
    # END SOLUTION


def naive_matrix_dot(x, y):
    """Return the matrix product x . y of shape (x.shape[0], y.shape[1]), using loops.

    Entry [i, j] is the dot product of row i of x with column j of y, so the
    product only exists when x.shape[1] == y.shape[0]:
    dot((a, b), (b, c)) -> (a, c).

    Textbook: DLwP §2.3.3 (figure 2.5); seed 004 ch2 §2.3 (图 2-5).

    Args:
        x: a 2D array of shape (a, b).
        y: a 2D array of shape (b, c).

    Returns:
        A new array of shape (a, c).

    Raises:
        AssertionError (or ValueError): when x.shape[1] != y.shape[0].
    """
    # Hint: row i of x is x[i, :]; column j of y is y[:, j].
    # BEGIN SOLUTION: check the inner sizes match, then fill a matrix of zeros of the result's shape
    assert len(x.shape) == 2 and len(y.shape) == 2, f"expected two matrices, got {x.shape} and {y.shape}"
    assert x.shape[1] == y.shape[0], f"x has {x.shape[1]} columns but y has {y.shape[0]} rows"
    z = np.zeros((x.shape[0], y.shape[1]))
    for i in range(x.shape[0]):
        for j in range(y.shape[1]):
            z[i, j] = naive_vector_dot(x[i, :], y[:, j])
    return z
    # END SOLUTION


# ---------------------------------------------------------------------------
# Ranks, shapes and data kinds (DLwP §2.2)
# ---------------------------------------------------------------------------


def describe_tensor(x):
    """Return (ndim, shape, dtype name) of an array: its rank, its shape tuple and its dtype as text.

    A scalar has shape (), a vector (5,), a matrix (3, 5), a 3D tensor (3, 3, 5),
    a 4D tensor (2, 3, 3, 5).

    Textbook: DLwP §2.2.1-2.2.6; seed 004 ch2 §2.2 (轴, 形状, 数据类型).

    Args:
        x: a NumPy array of any rank, including a 0D (scalar) array.

    Returns:
        A tuple (ndim, shape, dtype_name), e.g. (2, (3, 5), "float32").
    """
    # Hint: NumPy arrays carry all three as attributes; a dtype has a `name`.
    # BEGIN SOLUTION
    return x.ndim, x.shape, x.dtype.name
    # END SOLUTION


def data_tensor_shape(kind, samples, **sizes):
    """Return the shape tuple of a batch of `samples` samples of one kind of data.

    The samples axis always comes first. Sizes are given by keyword, so you must
    know the order of the other axes:

    - "vector": features=                          (DLwP §2.2.9)
    - "timeseries": timesteps=, features=          (DLwP §2.2.10)
    - "image": height=, width=, channels=          (DLwP §2.2.11, channels-last as in TensorFlow)
    - "video": frames=, height=, width=, channels= (DLwP §2.2.12)

    Textbook: DLwP §2.2.8-2.2.12; seed 004 ch2 §2.2 (张量例举).

    Args:
        kind: one of "vector", "timeseries", "image", "video".
        samples: the number of samples in the batch.
        **sizes: the size of every other axis of that kind, by name.

    Returns:
        A tuple of ints, e.g. data_tensor_shape("image", 128, height=256, width=256, channels=3)
        gives (128, 256, 256, 3).

    Raises:
        ValueError: for an unknown kind.
    """
    # Hint: a table from kind to the names of its axes, in order, keeps this short.
    # BEGIN SOLUTION: samples first, then the axes of that kind in the book's order
    axes_of_kind = {
        "vector": ("features",),
        "timeseries": ("timesteps", "features"),
        "image": ("height", "width", "channels"),
        "video": ("frames", "height", "width", "channels"),
    }
    if kind not in axes_of_kind:
        raise ValueError(f"unknown kind of data {kind!r}: expected one of {', '.join(axes_of_kind)}")
    return (samples, *(sizes[axis] for axis in axes_of_kind[kind]))
    # END SOLUTION


def stack_along_each_axis(a, b):
    """Return the three ways to stack two matrices into a 3D tensor: along axis 0, 1 and 2.

    For two (3, 3) matrices the results have shapes (2, 3, 3), (3, 2, 3) and (3, 3, 2).

    Textbook: seed 004, the np.stack example before chapter 1.

    Args:
        a: a 2D array of shape (m, n).
        b: a 2D array of the same shape.

    Returns:
        A tuple of three arrays of shapes (2, m, n), (m, 2, n) and (m, n, 2).
    """
    # Hint: np.stack takes a sequence of arrays and the index of the new axis.
    # BEGIN SOLUTION
    return tuple(np.stack((a, b), axis=axis) for axis in (0, 1, 2))
    # END SOLUTION


# ---------------------------------------------------------------------------
# Reshaping, transposing and batches (DLwP §2.2.6-2.2.7, §2.3.4)
# ---------------------------------------------------------------------------


def flatten_images(images):
    """Return a batch of 2D images flattened into one row vector per image.

    This is the MNIST preprocessing step: (60000, 28, 28) -> (60000, 784).

    Textbook: DLwP §2.1 and §2.3.4 (tensor reshaping); seed 004 ch2 §2.3 (张量变形).

    Args:
        images: an array of shape (samples, height, width).

    Returns:
        An array of shape (samples, height * width) holding the same values, row by row.
    """
    # BEGIN SOLUTION: keep the samples axis, merge the other two
    samples, height, width = images.shape
    return images.reshape((samples, height * width))
    # END SOLUTION


def transpose(x):
    """Return the transpose of a matrix: entry [i, j] of the result is x[j, i].

    Textbook: DLwP §2.3.4; seed 004 ch2 §2.3 (转置).

    Args:
        x: a 2D array of shape (rows, columns).

    Returns:
        An array of shape (columns, rows).
    """
    # BEGIN SOLUTION
    return np.transpose(x)
    # END SOLUTION


def to_channels_last(batch):
    """Return a channels-first batch of images or videos rearranged to channels-last.

    TensorFlow (and Keras by default) puts the colour channels on the last axis;
    some other libraries put them before height and width.

    Textbook: DLwP §2.2.11-2.2.12; seed 004 ch2 §2.2 (TF将channels放在最后).

    Args:
        batch: images of shape (samples, channels, height, width), or
            videos of shape (samples, frames, channels, height, width).

    Returns:
        Images of shape (samples, height, width, channels), or
        videos of shape (samples, frames, height, width, channels).
    """
    # Hint: in both cases the channels axis sits third from the end.
    # Hint: this is a transpose with a chosen order of axes, not a reshape.
    # BEGIN SOLUTION: move the channels axis (third from the end) to the end
    return np.moveaxis(batch, -3, -1)
    # END SOLUTION


def batch(x, n, batch_size):
    """Return the n-th batch (counting from 0) of `batch_size` samples from `x`.

    Batches cut the samples axis into consecutive slices:
    batch 0 is samples 0 .. batch_size - 1, batch 1 the next batch_size, and so on.
    When len(x) is not a multiple of batch_size, the last batch is shorter.

    Textbook: DLwP §2.2.7 (`batch = train_images[128 * n:128 * (n + 1)]`);
    seed 004 ch2 §2.2 (样本轴, 批量轴).

    Args:
        x: an array whose first axis is the samples axis, of shape (samples, ...).
        n: the batch index, from 0 to ceil(samples / batch_size) - 1.
        batch_size: the number of samples per batch.

    Returns:
        An array of shape (batch_size, ...) or, for the last batch, shorter.
    """
    # Hint: slicing past the end of an array is allowed and just stops at the end.
    # BEGIN SOLUTION
    return x[batch_size * n : batch_size * (n + 1)]
    # END SOLUTION
