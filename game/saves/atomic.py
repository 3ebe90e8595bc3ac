"""Atomic file replacement with a kept backup: the old file is intact or the new one is whole."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

from game.saves.errors import SaveWriteError
from game.saves.slots import backup_of


class FileOps:
    """The operating-system calls a write makes, one method each (tests inject faults here)."""

    def makedirs(self, folder: Path) -> None:
        """Create the folder and its parents."""
        os.makedirs(folder, exist_ok=True)

    def open_new(self, path: Path) -> int:
        """Create a file that must not exist yet; return its descriptor."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        return os.open(path, flags, 0o644)

    def write(self, fd: int, data: memoryview) -> int:
        """Write some bytes; return how many."""
        return os.write(fd, data)

    def fsync(self, fd: int) -> None:
        """Flush a file to the disk."""
        os.fsync(fd)

    def close(self, fd: int) -> None:
        """Close a descriptor."""
        os.close(fd)

    def link(self, src: Path, dst: Path) -> None:
        """A second name for a file (falls back to a copy where links are unsupported)."""
        try:
            os.link(src, dst)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT):
                raise
            import shutil  # only where links fail (it loads the compression modules)

            shutil.copyfile(src, dst)

    def replace(self, src: Path, dst: Path) -> None:
        """Rename over the destination in one step."""
        os.replace(src, dst)

    def remove(self, path: Path) -> None:
        """Delete a file."""
        os.remove(path)

    def fsync_dir(self, folder: Path) -> None:
        """Make a rename durable (POSIX only)."""
        if os.name != "posix":
            return
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


REAL = FileOps()


def write_atomic(
    path: Path,
    data: bytes,
    *,
    keep_backup: Callable[[Path], bool] | None = None,
    ops: FileOps = REAL,
    durable: bool = True,
) -> None:
    """Replace `path` with `data` atomically; keep the old file as NAME.bak if `keep_backup(old)`.

    `durable=False` skips the fsyncs: still atomic against a crashed process, not a power cut.
    """
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        ops.makedirs(folder)
        _write_file(tmp, data, ops, durable)
        if keep_backup is not None and path.exists() and keep_backup(path):
            _keep_backup(path, ops)
        ops.replace(tmp, path)
    except OSError as exc:
        _discard(tmp, ops)
        raise write_error(exc, path) from None
    if durable:  # the new file is in place; a failure here leaves only the rename unconfirmed
        with contextlib.suppress(OSError):
            ops.fsync_dir(folder)


def _write_file(tmp: Path, data: bytes, ops: FileOps, durable: bool) -> None:
    """Create `tmp` with all of `data` (flushed to the disk when `durable`)."""
    fd = ops.open_new(tmp)
    try:
        view = memoryview(data)
        while view:
            view = view[ops.write(fd, view) :]
        if durable:
            ops.fsync(fd)
    finally:
        ops.close(fd)


def _keep_backup(path: Path, ops: FileOps) -> None:
    """Make NAME.bak a copy of the current file, atomically."""
    bak = backup_of(path)
    tmp = bak.with_name(f".{bak.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        ops.link(path, tmp)
        ops.replace(tmp, bak)
    except OSError:
        _discard(tmp, ops)
        raise


def _discard(tmp: Path, ops: FileOps) -> None:
    """Remove a temporary file, trying the plain call if the injected one fails."""
    for remove in (ops.remove, os.remove):
        try:
            remove(tmp)
            return
        except FileNotFoundError:
            return
        except OSError:
            continue


_TEMP_RE = re.compile(r"\.[A-Za-z0-9_.-]+\.([0-9]+)\.[0-9a-f]{8}\.tmp")
STALE_AFTER = 24 * 3600.0  # seconds: a temp file this old is stale even if its pid runs again
_cleaned: set[Path] = set()


def clean_stale_temps(folder: Path) -> int:
    """Delete temp files that killed writes left in `folder` (once per folder per process)."""
    folder = Path(folder)
    if folder in _cleaned:
        return 0
    _cleaned.add(folder)
    removed = 0
    try:
        names = [e for e in os.scandir(folder) if _TEMP_RE.fullmatch(e.name)]
    except OSError:
        return 0
    for found in names:
        try:
            info = found.stat(follow_symlinks=False)
            pid = int(_TEMP_RE.fullmatch(found.name).group(1))
            if stat.S_ISREG(info.st_mode) and _is_stale(pid, info.st_mtime):
                os.remove(found.path)
                removed += 1
        except OSError:
            continue
    return removed


def _is_stale(pid: int, mtime: float) -> bool:
    """True when the process that wrote a temp file is gone, or the file is very old."""
    if time.time() - mtime > STALE_AFTER:
        return True
    if pid == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):
        return False
    return False


def write_error(exc: OSError, path: Path) -> SaveWriteError:
    """A friendly error for a failed write."""
    where = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        what = f"The disk is full: could not save to {where}."
        fix = "Free some space or save into another folder (--saves DIR); your game goes on."
    elif code == errno.EROFS:
        what = f"The save folder {where} is on a read-only disk."
        fix = "Save into another folder (--saves DIR); your game goes on."
    elif code in (errno.EEXIST, errno.ENOTDIR, errno.ELOOP):
        what = f"The save folder {where} is not a folder (a file or a loop of links is there)."
        fix = "Save into another folder (--saves DIR); your game goes on."
    elif code in (errno.EACCES, errno.EPERM):
        what = f"No permission to write in {where}."
        fix = "Check the folder's permissions or use --saves DIR; your game goes on."
    else:
        what = f"Could not write {path.name}: {exc.strerror or exc}."
        fix = "Your game goes on; older saves are untouched."
    return SaveWriteError(what, fix, path)
