"""Typed, friendly errors for everything that can go wrong with a save."""

from __future__ import annotations

from pathlib import Path


class SaveError(Exception):
    """A save could not be read or written; says what happened and what to do."""

    def __init__(self, what: str, fix: str = "", path: Path | None = None) -> None:
        self.what = what
        self.fix = fix
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.what} {self.fix}".strip()


class BadSlotName(SaveError):
    """A slot name that is not allowed (traversal, separators, device names...)."""


class SaveNotFound(SaveError):
    """No save under that name."""


class NotASave(SaveError):
    """The file is not a Hyosan save at all."""


class SaveTooLarge(NotASave):
    """The file is far larger than any save could be."""


class DamagedSave(SaveError):
    """The file is a save but truncated or corrupt; a backup may be offered."""

    def __init__(
        self, what: str, fix: str = "", path: Path | None = None, backup: Path | None = None
    ) -> None:
        self.backup = backup
        self.backup_note = ""  # where and when the intact backup was made
        super().__init__(what, fix, path)


class BadChecksum(DamagedSave):
    """The save's contents do not match its checksum: edited or corrupted."""


class NewerFormat(SaveError):
    """The save was written by a newer Hyosan that uses a format this one cannot read."""


class OtherWorld(SaveError):
    """The save belongs to a different game world."""


class UnknownId(SaveError):
    """The save refers to a room, item or character this world does not have."""

    def __init__(self, what: str, fix: str = "", path: Path | None = None, ident: str = "") -> None:
        self.ident = ident
        super().__init__(what, fix, path)


class SaveWriteError(SaveError):
    """The save could not be written (disk full, read-only folder, permissions)."""
