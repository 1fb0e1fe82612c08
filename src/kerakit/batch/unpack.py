"""Find the students' submissions and unpack each one safely into a private folder."""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_TOTAL_BYTES = 50 * 2**20  # what a submission may unpack to, all files together
MAX_RATIO = 200  # uncompressed / compressed, over the whole archive
MAX_MEMBERS = 5000
COPIED_SUFFIXES = (".py",)  # only exercise modules are ever graded


class UnpackError(Exception):
    """A submission cannot be unpacked; the message is the one-line reason shown to everyone."""


@dataclass(frozen=True)
class Submission:
    """One student's submission: a folder or a .zip inside SUBMISSIONS."""

    name: str  # the student, as in grades.csv: the folder or zip name, made safe
    path: Path


def list_submissions(folder: Path) -> list[Submission]:
    """Return the submissions in `folder`, sorted by student name: one per sub-folder or .zip.

    Raises:
        UnpackError: `folder` is not a folder, or two entries give the same student name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UnpackError(f"{folder}: no such folder of submissions")
    found: dict[str, Submission] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if entry.is_dir() or (entry.is_file() and entry.suffix.lower() == ".zip"):
            name = student_name(entry)
            if name in found:
                raise UnpackError(f"{found[name].path.name} and {entry.name} are both student {name!r}: keep one")
            found[name] = Submission(name, entry)
    return list(found.values())


def student_name(entry: Path) -> str:
    """Return a file-system-safe student name from a submission's folder or zip name."""
    stem = entry.name[: -len(".zip")] if entry.name.lower().endswith(".zip") else entry.name
    safe = re.sub(r"[^A-Za-z0-9._@-]+", "_", stem).strip("._") or "student"
    return safe[:80]


def unpack(submission: Submission, destination: Path) -> Path:
    """Return a folder holding the submission's .py files, copied or extracted into `destination`.

    Symbolic links are never followed nor copied; a zip is checked member by member
    (no absolute paths, no `..`, no links, size and ratio caps counted while extracting).

    Raises:
        UnpackError: with the one-line reason the submission cannot be graded.
    """
    destination.mkdir(parents=True, exist_ok=True)
    if submission.path.is_dir():
        _copy_folder(submission.path, destination)
    else:
        _extract_zip(submission.path, destination)
    return destination


def _copy_folder(source: Path, destination: Path) -> None:
    total = 0
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        if path.is_symlink():
            continue  # never follow a link out of the submission
        if path.is_file() and path.suffix in COPIED_SUFFIXES:
            total += path.lstat().st_size
            if total > MAX_TOTAL_BYTES:
                raise UnpackError(f"submission is larger than {MAX_TOTAL_BYTES // 2**20} MiB of Python files")
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target, follow_symlinks=False)


def _extract_zip(archive: Path, destination: Path) -> None:
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            if len(members) > MAX_MEMBERS:
                raise UnpackError(f"{archive.name} has {len(members)} entries (at most {MAX_MEMBERS})")
            compressed = sum(m.compress_size for m in members) or 1
            declared = sum(m.file_size for m in members)
            if declared > MAX_TOTAL_BYTES or declared / compressed > MAX_RATIO:
                raise UnpackError(f"{archive.name} looks like a zip bomb ({declared:,} bytes from {compressed:,})")
            for member in members:
                _check_member(archive, member)
            written = 0
            for member in members:
                if member.is_dir() or PurePosixPath(member.filename).suffix not in COPIED_SUFFIXES:
                    continue
                written = _extract_member(zipped, member, destination, written, archive.name)
    except zipfile.BadZipFile as error:
        raise UnpackError(f"{archive.name} is not a valid zip file ({error})") from None
    except (OSError, RuntimeError, NotImplementedError, EOFError) as error:  # encrypted, truncated, odd compression
        raise UnpackError(f"{archive.name} cannot be unpacked: {error}") from None


def _check_member(archive: Path, member: zipfile.ZipInfo) -> None:
    name = member.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        raise UnpackError(f"{archive.name} holds an unsafe path {member.filename!r} (absolute or with ..)")
    mode = member.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UnpackError(f"{archive.name} holds a symbolic link {member.filename!r}")


def _extract_member(zipped: zipfile.ZipFile, member: zipfile.ZipInfo, destination: Path, written: int, label: str) -> int:
    """Extract one member while counting bytes; return the running total."""
    parts = [p for p in PurePosixPath(member.filename.replace("\\", "/")).parts if p not in ("", ".")]
    if not parts or any(p.startswith(".") for p in parts):
        return written
    target = destination.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipped.open(member) as source, open(target, "wb") as sink:
        while chunk := source.read(1 << 16):
            written += len(chunk)
            if written > MAX_TOTAL_BYTES:
                raise UnpackError(f"{label} unpacks to more than {MAX_TOTAL_BYTES // 2**20} MiB: a zip bomb?")
            sink.write(chunk)
    return written
