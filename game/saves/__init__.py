"""Saves, autosave, undo persistence, replay, transcripts and bug reports.

The names below are imported on first use (PEP 562), so a front end that needs only a session
does not load the replay and listing tools at start-up.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

_WHERE = {
    **dict.fromkeys(
        (
            "BadChecksum",
            "BadSlotName",
            "DamagedSave",
            "NewerFormat",
            "NotASave",
            "OtherWorld",
            "SaveError",
            "SaveNotFound",
            "SaveTooLarge",
            "SaveWriteError",
            "UnknownId",
        ),
        "errors",
    ),
    "SlotSummary": "listing",
    "list_saves": "listing",
    "ReplayStep": "replay",
    "replay_states": "replay",
    "verify": "replay",
    "Session": "session",
    "resume": "session",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    """A public name of the package, importing its module the first time it is asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'game.saves' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"game.saves.{module}"), name)
    globals()[name] = value
    return value
