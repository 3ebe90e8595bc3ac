"""Atomic writes: at every failing step the old save survives and no temp file is left behind."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from game.saves.atomic import FileOps, write_atomic
from game.saves.errors import SaveWriteError

STEPS = (
    "makedirs",
    "open_new",
    "write",
    "fsync",
    "close",
    "link",
    "replace",
    "remove",
    "fsync_dir",
)


class Faulty(FileOps):
    """Real file operations, except that call number `fail_at` raises OSError(code)."""

    def __init__(self, fail_at: int, code: int = errno.EIO) -> None:
        self.fail_at = fail_at
        self.code = code
        self.calls: list[str] = []

    def _tick(self, name: str) -> None:
        """Count a call; raise when it is the chosen one."""
        self.calls.append(name)
        if len(self.calls) == self.fail_at:
            raise OSError(self.code, f"injected failure in {name}")


def _wrap(name: str):
    """A FileOps method that ticks before doing the real work."""
    real = getattr(FileOps, name)

    def method(self, *args):
        self._tick(name)
        return real(self, *args)

    method.__doc__ = f"{name}, with fault injection."
    return method


for _name in STEPS:
    setattr(Faulty, _name, _wrap(_name))


def _keep(path: Path) -> bool:
    """Always keep a backup."""
    return True


def _leftovers(folder: Path) -> list[str]:
    """Temporary files left in the folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_clean_write_replaces_and_backs_up(tmp_path: Path) -> None:
    """Without faults the new bytes replace the old, and the old bytes become NAME.bak."""
    path = tmp_path / "slot.json"
    path.write_bytes(b"old")
    write_atomic(path, b"new", keep_backup=_keep)
    assert path.read_bytes() == b"new"
    assert (tmp_path / "slot.bak").read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("durable", [True, False])
def test_every_injected_failure_leaves_old_or_new_and_no_temp(
    tmp_path: Path, durable: bool
) -> None:
    """An OSError at each step in turn: the file is the old or the new, never partial; no temps."""
    clean = Faulty(fail_at=0)
    path = tmp_path / "slot.json"
    path.write_bytes(b"old save")
    write_atomic(path, b"new save", keep_backup=_keep, ops=clean, durable=durable)
    steps = len(clean.calls)
    assert ("fsync" in clean.calls) == durable
    assert steps >= (9 if durable else 7)
    for fail_at in range(1, steps + 1):
        path.write_bytes(b"old save")
        (tmp_path / "slot.bak").unlink(missing_ok=True)
        ops = Faulty(fail_at)
        step = clean.calls[fail_at - 1]
        try:
            write_atomic(path, b"new save" * 1000, keep_backup=_keep, ops=ops, durable=durable)
        except SaveWriteError:
            assert path.read_bytes() == b"old save", step
        else:
            assert step == "fsync_dir"  # after the rename: the new file is whole
            assert path.read_bytes() == b"new save" * 1000
        assert _leftovers(tmp_path) == [], step


def test_a_failed_write_never_touches_an_existing_backup(tmp_path: Path) -> None:
    """When the new temp file cannot be written, NAME.bak keeps its contents."""
    path = tmp_path / "slot.json"
    path.write_bytes(b"current")
    (tmp_path / "slot.bak").write_bytes(b"previous")
    with pytest.raises(SaveWriteError):
        write_atomic(path, b"next", keep_backup=_keep, ops=Faulty(3, errno.ENOSPC))
    assert (tmp_path / "slot.bak").read_bytes() == b"previous"
    assert path.read_bytes() == b"current"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "permission"),
        (errno.EPERM, "permission"),
        (errno.EIO, "Could not write"),
    ],
)
def test_write_errors_are_explained(tmp_path: Path, code: int, words: str) -> None:
    """Full disk, read-only folder and permission errors each get their own plain message."""
    with pytest.raises(SaveWriteError) as info:
        write_atomic(tmp_path / "s.json", b"x", ops=Faulty(2, code))
    assert words in str(info.value)
    assert "goes on" in str(info.value)


def test_a_damaged_current_file_does_not_overwrite_the_backup(tmp_path: Path) -> None:
    """When keep_backup refuses the current file, the old backup stays as it was."""
    path = tmp_path / "slot.json"
    path.write_bytes(b"garbage")
    (tmp_path / "slot.bak").write_bytes(b"good old")
    write_atomic(path, b"new", keep_backup=lambda p: False)
    assert (tmp_path / "slot.bak").read_bytes() == b"good old"
    assert path.read_bytes() == b"new"
