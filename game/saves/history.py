"""Undo history in a save: each earlier state stored as its difference from the next newer one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from game.engine import GameState, state_to_data

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
    return out


def apply(newer: Data, change: Data) -> Data:
    """The older state data that `change` describes relative to `newer`."""
    out = dict(newer)
    for key, value in change.items():
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


def encode(state: GameState, data_of: Callable[[GameState], Data] = state_to_data) -> list[Data]:
    """The state's undo history as a list of deltas, newest first."""
    step = getattr(data_of, "delta", None)
    changes: list[Data] = []
    newer_state, newer = state, data_of(state)
    for old_state in state.history:
        older = data_of(old_state)
        changes.append(step(newer_state, old_state) if step else delta(newer, older))
        newer_state, newer = old_state, older
    return changes


def decode(snapshot: Data, changes: Sequence[Data]) -> list[Data]:
    """The data of every history state, newest first."""
    states: list[Data] = []
    newer = snapshot
    for change in changes:
        newer = apply(newer, change)
        states.append(newer)
    return states


class DataCache:
    """state_to_data for the states of one game, remembered while they stay in the history."""

    def __init__(self) -> None:
        self._data: dict[int, tuple[GameState, Data]] = {}
        self._deltas: dict[tuple[int, int], tuple[GameState, GameState, Data]] = {}

    def __call__(self, state: GameState) -> Data:
        """The data of a state, computed once."""
        hit = self._data.get(id(state))
        if hit is not None and hit[0] is state:
            return hit[1]
        data = state_to_data(state)
        self._data[id(state)] = (state, data)
        return data

    def delta(self, newer: GameState, older: GameState) -> Data:
        """The delta from one state's data to an older one's, computed once."""
        key = (id(newer), id(older))
        hit = self._deltas.get(key)
        if hit is not None and hit[0] is newer and hit[1] is older:
            return hit[2]
        change = delta(self(newer), self(older))
        self._deltas[key] = (newer, older, change)
        return change

    def keep_only(self, state: GameState) -> None:
        """Forget the data of states no longer in `state` or its history."""
        live = {id(s) for s in (state, *state.history)}
        self._data = {k: v for k, v in self._data.items() if k in live}
        self._deltas = {k: v for k, v in self._deltas.items() if k[0] in live and k[1] in live}
