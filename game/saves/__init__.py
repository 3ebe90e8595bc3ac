"""Saves, autosave, undo persistence, replay, transcripts and bug reports."""

from game.saves.errors import (
    BadChecksum,
    BadSlotName,
    DamagedSave,
    NewerFormat,
    NotASave,
    OtherWorld,
    SaveError,
    SaveNotFound,
    SaveTooLarge,
    SaveWriteError,
    UnknownId,
)
from game.saves.listing import SlotSummary, list_saves
from game.saves.replay import ReplayStep, replay_states, verify
from game.saves.session import Session, resume

__all__ = [
    "BadChecksum",
    "BadSlotName",
    "DamagedSave",
    "NewerFormat",
    "NotASave",
    "OtherWorld",
    "ReplayStep",
    "SaveError",
    "SaveNotFound",
    "SaveTooLarge",
    "SaveWriteError",
    "Session",
    "SlotSummary",
    "UnknownId",
    "list_saves",
    "replay_states",
    "resume",
    "verify",
]
