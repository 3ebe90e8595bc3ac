"""Slot names and where their files live."""

from __future__ import annotations

import os
import re
from pathlib import Path

from game.model.files import is_regular
from game.saves.errors import BadSlotName, SaveNotFound

EXT = ".json"
BACKUP_EXT = ".bak"
AUTOSAVE = "autosave"
PREVIOUS = "autosave-previous"
DEFAULT_SLOT = "quicksave"
SHOWN_SAVES = 20  # names a "no such save" message lists before saying how many more
SLOT_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_DEVICES = r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)"  # compiled on use
_RULE = "Use 1 to 32 letters, digits, '-' or '_' (for example: before-bridge)."


def check_slot(name: str) -> str:
    """The slot name itself when it is allowed; otherwise raise BadSlotName saying why."""
    shown = repr(name[:40])
    if not name:
        raise BadSlotName("A save needs a name.", _RULE)
    if "\x00" in name:
        raise BadSlotName(f"The save name {shown} contains a NUL character.", _RULE)
    if ".." in name or "/" in name or "\\" in name:
        raise BadSlotName(f"The save name {shown} looks like a path.", _RULE)
    if re.match(r"[A-Za-z]:", name):
        raise BadSlotName(f"The save name {shown} starts with a drive letter.", _RULE)
    if not SLOT_RE.fullmatch(name):
        raise BadSlotName(f"The save name {shown} is not allowed.", _RULE)
    if re.fullmatch(_DEVICES, name.split(".")[0], re.IGNORECASE):
        raise BadSlotName(f"'{name}' is a reserved device name on Windows.", _RULE)
    return name


def slot_path(saves_dir: Path, name: str) -> Path:
    """The file of slot `name` in `saves_dir` (the name itself is never followed as a link)."""
    check_slot(name)
    folder = Path(saves_dir)
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):  # a loop of links: left as given, opening it will fail
        folder = folder.absolute()
    return folder / f"{name}{EXT}"


def backup_of(path: Path) -> Path:
    """Where the previous version of a save file is kept: `NAME.bak`."""
    return path.with_suffix(BACKUP_EXT)


def locate(saves_dir: Path, slot_or_path: str) -> Path:
    """A slot name (or `NAME.bak`) in the save folder, or a path to a save file."""
    if slot_or_path.endswith(BACKUP_EXT) and SLOT_RE.fullmatch(slot_or_path[: -len(BACKUP_EXT)]):
        return backup_of(slot_path(saves_dir, slot_or_path[: -len(BACKUP_EXT)]))
    looks_like_path = any(c in slot_or_path for c in "/\\") or slot_or_path.endswith(EXT)
    if looks_like_path:
        path = Path(slot_or_path).expanduser()
        if not os.path.lexists(path):
            raise SaveNotFound(f"There is no save file at {path}.", "Check the path.", path)
        return path
    path = slot_path(saves_dir, slot_or_path)
    if not os.path.lexists(path):
        raise SaveNotFound(
            f"There is no save called '{slot_or_path}' in {saves_dir}.",
            f"Saves there: {known_saves(list_slots(saves_dir))}.",
            path,
        )
    return path


def locate_slot(saves_dir: Path, name: str) -> Path:
    """A save named in play (`NAME` or `NAME.bak`): slot names only, paths belong to --load."""
    if any(c in name for c in "/\\") or name.endswith(EXT) or name.startswith("."):
        raise BadSlotName(
            "RESTORE takes the name of a save, not a path.",
            "Type RESTORE and a name from the save folder; to play a file from elsewhere,"
            " start with: hyosan --load PATH",
        )
    return locate(saves_dir, name)


def known_saves(names: list[str], shown: int = SHOWN_SAVES) -> str:
    """Every save name, newest first; past `shown` names, how many more there are."""
    if not names:
        return "none yet"
    if len(names) <= shown:
        return ", ".join(names)
    more = len(names) - shown
    return ", ".join(names[:shown]) + f" and {more} more (hyosan replay --list shows them all)"


def list_slots(saves_dir: Path) -> list[str]:
    """Slot names of the regular save files in the folder, newest first."""
    folder = Path(saves_dir)
    try:
        files = [p for p in folder.glob(f"*{EXT}") if SLOT_RE.fullmatch(p.stem) and is_regular(p)]
    except OSError:
        return []
    files.sort(key=_mtime, reverse=True)
    return [p.stem for p in files]


def _mtime(path: Path) -> float:
    """Modification time, or 0 when the file vanished meanwhile."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
