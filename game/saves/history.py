"""Undo history in a save: each earlier state stored as its difference from the next newer one."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import GameState
from game.engine.serial import GONE, state_delta
from game.engine.statecheck import OPTIONAL_MAPS

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

    Data = dict[str, Any]


def delta(newer: Data, older: Data) -> Data:
    """What to change in `newer` to get `older`; map fields list only changed keys (None = gone)."""
    out: Data = {}
    for key, old in older.items():
        new = newer.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            part = {k: v for k, v in old.items() if new.get(k, None) != v}
            part.update({k: None for k in new if k not in old})
            out[key] = dict(sorted(part.items()))
        else:
            out[key] = old
    gone = [key for key in OPTIONAL_MAPS if key in newer and key not in older]
    if gone:
        out[GONE] = gone
    return out


def apply(newer: Data, change: Data) -> Data:
    """The older state data that `change` describes relative to `newer`."""
    out = dict(newer)
    for key, value in change.items():
        if key == GONE:  # a list of names (anything else in a damaged save changes nothing)
            for name in value if isinstance(value, list) else ():
                if isinstance(name, str):
                    out.pop(name, None)
            continue
        base = newer.get(key)
        if isinstance(base, dict) and isinstance(value, dict):
            merged = dict(base)
            for k, v in value.items():
                if v is None:
                    merged.pop(k, None)
                else:
                    merged[k] = v
            out[key] = dict(sorted(merged.items()))
        else:
            out[key] = value
    return out


def encode(state: GameState) -> list[Data]:
    """The state's undo history as a list of deltas, newest first (each costs what its turn
    changed: fields the two states share are skipped without being read)."""
    changes: list[Data] = []
    newer = state
    for older in state.history:
        changes.append(state_delta(newer, older))
        newer = older
    return changes


def decode(snapshot: Data, changes: Sequence[Data]) -> list[Data]:
    """The data of every history state, newest first."""
    states: list[Data] = []
    newer = snapshot
    for change in changes:
        newer = apply(newer, change)
        states.append(newer)
    return states
