"""Reading and atomically writing the files doclint checks (which files: doclint.workspace)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .source import DecodeError, Source, decode

SUFFIXES = frozenset({".txt", ".md", ".markdown"})


class FileError(Exception):
    """A file doclint cannot read or write; the message is for the user."""


def read(path: str) -> tuple[Source, bytes]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileError("no such file or directory") from None
    except IsADirectoryError:
        raise FileError("is a directory") from None
    except OSError as error:
        raise FileError(error.strerror or str(error)) from None
    try:
        return decode(data), data
    except DecodeError as error:
        raise FileError(str(error)) from None


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file with data, unless it changed since it was read (`expected`); keep its mode."""
    target = Path(path)
    try:
        if target.read_bytes() != expected:
            raise FileError("file changed on disk while doclint was checking it; not overwritten")
        mode = target.stat().st_mode
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".doclint")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, mode & 0o7777)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as error:
        raise FileError(f"cannot write: {error.strerror or error}") from None
