"""Reading and atomically writing the files doclint checks (which files: doclint.workspace)."""
from __future__ import annotations

import contextlib
import os
import stat
import time

from .source import DecodeError, Source, decode

SUFFIXES = frozenset({".txt", ".md", ".markdown"})
TEMP_SUFFIX = ".doclint"  # a temporary file is .<name>.<random>.<pid>.doclint, beside the file it replaces
STALE_SECONDS = 60  # a temporary file this old whose process is gone was left by a killed run
_swept: set[str] = set()  # the folders this process has already cleared of stale temporary files


class FileError(Exception):
    """A file doclint cannot read or write; the message is for the user."""


def read(path: str) -> tuple[Source, bytes]:
    """The decoded text and the bytes of a regular file. Opened without blocking, so a FIFO cannot hang the run."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileError(f"broken symbolic link (to {os.readlink(path)})") from None
        raise FileError("no such file or directory") from None
    except OSError as error:
        raise FileError(f"cannot read: {error.strerror or error}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileError("is a directory")
        if not stat.S_ISREG(mode):
            raise FileError("not a regular file (a FIFO, socket or device); skipped")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError as error:
        raise FileError(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    try:
        return decode(data), data
    except DecodeError as error:
        raise FileError(str(error)) from None


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file with data, unless it is read-only or changed since it was read (`expected`).

    The new bytes go to a temporary file in the same folder, are flushed to disk, and replace the file in one
    rename, keeping its mode (and owner, where allowed); an interrupt at any point leaves the old file whole.
    A symbolic link is followed: the file it points to is replaced, the link stays. A temporary file that a
    killed run left in the folder is removed (remove_stale_temporaries); it was never the file itself."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise FileError("file is read-only; fixes not written")
        directory = os.path.dirname(target)
        remove_stale_temporaries(directory)
        import tempfile  # only a fixing run pays for it

        fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)[:200]}.",
                                    suffix=f".{os.getpid()}{TEMP_SUFFIX}")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                _keep_owner(temp, info)
            with open(target, "rb") as current:
                if current.read() != expected:
                    raise FileError("file changed on disk while doclint was checking it; not overwritten")
            os.replace(temp, target)
        except BaseException:  # an interrupt too; it may come after the rename, when the temporary file is gone
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
        _sync_directory(directory)
    except OSError as error:
        raise FileError(f"cannot write: {error.strerror or error}") from None


def remove_stale_temporaries(directory: str) -> None:
    """Remove the temporary files that killed runs left in `directory`: those older than STALE_SECONDS whose process
    is gone (on this machine). Once per folder and process, best effort: a file in use is never touched."""
    if directory in _swept:
        return
    _swept.add(directory)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        pid = entry.name[:-len(TEMP_SUFFIX)].rpartition(".")[2]
        try:
            if pid.isdigit() and not _running(int(pid)) and now - entry.stat().st_mtime > STALE_SECONDS \
                    and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        except OSError:
            continue


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _keep_owner(temp: str, info: os.stat_result) -> None:
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except PermissionError:
        pass  # only root may give a file away; the new file is ours, as any editor's save would make it


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable (best effort: not every file system lets a directory be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
