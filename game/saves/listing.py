"""What a load dialog shows about each save in a folder."""

from __future__ import annotations

from pathlib import Path

from game.model.record import record
from game.saves.errors import SaveError
from game.saves.slots import list_slots, slot_path
from game.saves.store import read_file


@record
class SlotSummary:
    """One save as a menu shows it; `problem` says why it cannot be loaded, if it cannot."""

    slot: str
    path: Path
    location: str = ""  # room id
    turn: int = 0
    created: str = ""
    ending: str | None = None
    last_lines: tuple[str, ...] = ()  # the last few `> command` / excerpt lines
    problem: str = ""


def summarise(saves_dir: Path, slot: str, last: int = 3) -> SlotSummary:
    """The summary of one slot (a damaged one gets `problem` instead of raising)."""
    path = slot_path(saves_dir, slot)
    try:
        save = read_file(path)
    except SaveError as exc:
        return SlotSummary(slot, path, problem=str(exc))
    lines = tuple(
        f"> {e.command}" + (f" — {e.excerpt}" if e.excerpt else "") for e in save.log[-last:]
    )
    return SlotSummary(slot, path, save.location, save.turn, save.created, save.ending, lines)


def list_saves(saves_dir: Path) -> list[SlotSummary]:
    """Every save in the folder, newest first."""
    return [summarise(saves_dir, slot) for slot in list_slots(saves_dir)]
