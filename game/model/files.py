"""Opening files a player or author handed us: regular files only, never through a link, never
blocking on a pipe. Saves, transcripts and world files all open through here."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
MAX_FILE_BYTES = 2 * 1024 * 1024  # the largest world file read


class NotRegularFile(OSError):
    """The path is a symbolic link, a folder, a pipe, a device or a socket, not a plain file."""

    def __init__(self, path: Path, kind: str) -> None:
        self.kind = kind
        super().__init__(errno.EINVAL, f"{Path(path).name} is a {kind}, not a regular file")


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def lstat_kind(path: Path) -> str:
    """What is at `path` without following a link: a kind_of() word, or '' when nothing is
    there or it cannot be looked at (a folder on the way is a loop): opening it will then say."""
    try:
        return kind_of(os.lstat(path).st_mode)
    except OSError:
        return ""


def is_regular(path: Path) -> bool:
    """True when `path` itself (not a link's target) is a regular file."""
    return lstat_kind(path) == "regular file"


def open_regular(path: Path, flags: int = os.O_RDONLY, mode: int = 0o644) -> int:
    """A descriptor for a regular file at `path`; NotRegularFile for links, pipes, folders..."""
    if not _NOFOLLOW and lstat_kind(path) == "symbolic link":  # no O_NOFOLLOW (Windows)
        raise NotRegularFile(path, "symbolic link")
    try:
        fd = os.open(path, flags | _NOFOLLOW | _NONBLOCK | _CLOEXEC | _BINARY, mode)
    except OSError:
        kind = lstat_kind(path)  # ELOOP for a link, ENXIO for a pipe with no reader, EISDIR...
        if kind and kind != "regular file":
            raise NotRegularFile(path, kind) from None
        raise
    try:
        found = os.fstat(fd).st_mode
        if not stat.S_ISREG(found):
            raise NotRegularFile(path, kind_of(found))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, limit: int) -> bytes:
    """Up to `limit` bytes of a regular file (NotRegularFile for anything else)."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


def world_files(paths: Sequence[Path]) -> list[tuple[int, Path]]:
    """Every `*.yaml` and `*.yml` file under the given folders (or files), with its layer."""
    files: list[tuple[int, Path]] = []
    for layer, path in enumerate(paths):
        if path.is_file():
            files.append((layer, path))
        else:
            found = [*path.rglob("*.yaml"), *path.rglob("*.yml")]
            files.extend((layer, p) for p in sorted(found))
    return files
