"""Checks that graders run on a student's results, each failing with expected vs got."""

from __future__ import annotations

from typing import Any

import numpy as np

from kerakit.grading.errors import GradingFailure


def expect(condition: bool, message: str) -> None:
    """Raise GradingFailure(message) unless `condition` holds."""
    if not condition:
        raise GradingFailure(message)


def expect_array(value: Any, what: str, shape: tuple | None = None, kinds: str | None = None) -> np.ndarray:
    """Return `value` as a NumPy array after checking its type, shape and dtype kind.

    Args:
        value: the plain result of a student's function (tensors arrive as NumPy arrays).
        what: how to name it in feedback, e.g. "vectorize_sequences(...)".
        shape: the expected shape; None entries match any size.
        kinds: allowed `dtype.kind` letters, e.g. "f" (float), "iu" (integers), "b" (bool).
    """
    if value is None:
        raise GradingFailure(f"{what} returned None: did you forget a `return`?")
    if type(value) is not np.ndarray:  # plain data only: a subclass's methods never run in a check
        if type(value) in (int, float, bool) and shape == ():
            value = np.asarray(value)
        else:
            raise GradingFailure(f"{what} should return a NumPy array, got {type(value).__name__}")
    if shape is not None:
        if len(shape) != value.ndim or any(w is not None and w != g for w, g in zip(shape, value.shape)):
            shown = tuple("any" if w is None else w for w in shape)
            raise GradingFailure(f"{what}: expected shape {shown}, got {value.shape}")
    if kinds is not None and value.dtype.kind not in kinds:
        names = {"f": "float", "i": "int", "u": "unsigned int", "b": "bool"}
        wanted = " or ".join(names.get(k, k) for k in kinds)
        raise GradingFailure(f"{what} should hold {wanted} values, got dtype {value.dtype}")
    return value


def expect_close(actual: Any, expected: np.ndarray, what: str, rtol: float = 1e-5, atol: float = 1e-6) -> np.ndarray:
    """Return `actual` as an array after checking it equals `expected` within tolerance.

    The failure message names the first differing position, both values and the
    largest difference.
    """
    expected = np.asarray(expected)
    actual = expect_array(actual, what, shape=expected.shape)
    if actual.dtype.kind not in "fiub":
        raise GradingFailure(f"{what} should hold numbers, got dtype {actual.dtype}")
    close = np.isclose(actual.astype(np.float64), expected.astype(np.float64), rtol=rtol, atol=atol)
    if not close.all():
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        where = f" at index {index}" if index else ""
        worst = float(np.nanmax(np.abs(actual.astype(np.float64) - expected.astype(np.float64))))
        want, got = _number(expected[index]), _number(actual[index])
        if want == got:  # they differ beyond 6 digits: show more
            want, got = _number(expected[index], 12), _number(actual[index], 12)
        raise GradingFailure(
            f"{what} is wrong{where}: expected {want}, got {got} "
            f"({int((~close).sum())} of {close.size} values differ, largest difference {worst:.3g})"
        )
    return actual


def _number(value: Any, digits: int = 6) -> str:
    """Return a NumPy scalar as plain text (6 significant digits by default), not as `np.float64(...)`."""
    value = np.asarray(value).item()
    return f"{value:.{digits}g}" if isinstance(value, float) else str(value)


def expect_sequence(value: Any, what: str, length: int | None = None, items: str | None = None) -> tuple:
    """Return a list or tuple result as a tuple after checking its length; anything else fails.

    The one check for "returns a sequence" results: a list is as good as a tuple.

    Args:
        value: the plain result of a student's function.
        what: how to name the call in feedback, e.g. "standardize(train, test)".
        length: the expected number of items, if fixed.
        items: how the sheet names the items, e.g. "(mean, std)".

    Example:
        mean, std = expect_sequence(result, "fit_standardization(train)", 2, "(mean, std)")
    """
    wanted = items or (f"{length} items" if length is not None else "a sequence")
    if value is None:
        raise GradingFailure(f"{what} returned None: it should return {wanted} (did you forget a `return`?)")
    if not isinstance(value, (list, tuple)):
        raise GradingFailure(f"{what} should return {wanted} as a tuple or list, got {type(value).__name__}")
    if length is not None and len(value) != length:
        raise GradingFailure(f"{what} should return {wanted}: {length} items, got {len(value)}")
    return tuple(value)


def expect_value_error(function, *arguments, what: str, **keywords) -> str:
    """Return the one-line message of the ValueError that `function(*arguments, **keywords)` must raise.

    Fails in one line when the call returns, raises another exception, or raises a
    ValueError with an empty or multi-line message. A stub's NotImplementedError and a
    failure the harness already worded pass through unchanged.

    Example:
        expect_value_error(sampling.reweight_distribution, [0.5, 0.5], 0, what="reweight_distribution(p, temperature=0)")
    """
    try:
        function(*arguments, **keywords)
    except ValueError as error:
        message = str(error).strip()
        if not message or "\n" in message:
            raise GradingFailure(f"{what} should raise a ValueError with a one-line message, got "
                                 f"{len(message.splitlines())} lines") from None
        return message
    except (GradingFailure, NotImplementedError):
        raise
    except Exception as error:
        text = str(error).strip()
        raise GradingFailure(f"{what} should raise a ValueError, it raised {type(error).__name__}"
                             f"{': ' + text.splitlines()[0] if text else ''}") from None
    raise GradingFailure(f"{what} should raise a ValueError, it returned normally")


def expect_number(value: Any, what: str) -> float:
    """Return `value` as a float after checking it is one number (a Python number, a 0-d or one-element array or tensor).

    Example:
        loss = expect_number(style_transfer.content_loss(a, b), "content_loss(a, b)")
    """
    array = np.asarray(value)
    if array.size != 1 or array.dtype.kind not in "fiu":
        raise GradingFailure(f"{what} should be a number, got {array.shape} {array.dtype}")
    return float(array.reshape(()))


def expect_png(path, what: str, size: tuple[int, int]) -> None:
    """Check that `path` holds a PNG image of `size` = (height, width), or fail in one line naming what was found.

    Example:
        expect_png(tmp_path / "dream.png", "deep_dream(..., path=...)", (96, 128))
    """
    from PIL import Image

    height, width = size
    try:
        with Image.open(path) as picture:
            kind, (got_width, got_height) = picture.format, picture.size
    except (FileNotFoundError, OSError) as error:
        raise GradingFailure(f"{what} should save a PNG at path: {error}") from None
    if kind != "PNG":
        raise GradingFailure(f"{what} should save a PNG at path, it saved a {kind} file")
    if (got_height, got_width) != (height, width):
        raise GradingFailure(f"the PNG from {what} should be {width} x {height} (width x height), got {got_width} x {got_height}")
