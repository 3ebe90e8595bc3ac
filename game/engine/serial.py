"""GameState to plain data and back, for saves: stable ids only, every id checked."""

from __future__ import annotations

from game.engine.state import GameState
from game.engine.statecheck import (
    DEBUGGING,
    MAPS,
    MOMENTS,
    OPTIONAL_MAPS,
    PLAIN,
    SETS,
    StateDataError,
    checked_fields,
)
from game.model import World

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

GONE = "~gone"  # in a delta: the optional fields the older state's data leaves out
DATA_FIELDS = (*PLAIN, *SETS, *MAPS, *MOMENTS)  # the data's keys in order (then DEBUGGING's)
_SETS = frozenset(SETS)
_MAPS = frozenset(MAPS)
_PLAIN_MAPS = _MAPS - {"pronouns"}  # maps whose values are stored as they are


def state_to_data(state: GameState) -> dict[str, Any]:
    """Plain JSON-able data for a state (history left out; it is rebuilt by replay)."""
    data: dict[str, Any] = {name: getattr(state, name) for name in PLAIN}
    for name in SETS:
        data[name] = sorted(getattr(state, name))
    for name in MAPS:
        data[name] = dict(sorted(getattr(state, name).items()))
    data["pronouns"] = {
        k: list(v) if isinstance(v, tuple) else v for k, v in data["pronouns"].items()
    }
    data["dialogue"] = list(state.dialogue) if state.dialogue else None
    data["encounter"] = list(state.encounter) if state.encounter else None
    data["pending"] = [state.pending[0], list(state.pending[1])] if state.pending else None
    data["oops"] = list(state.oops) if state.oops else None
    data.update({name: True for name in DEBUGGING if getattr(state, name)})
    for name in OPTIONAL_MAPS:
        if getattr(state, name):
            data[name] = dict(sorted(getattr(state, name).items()))
    return data


def field_data(name: str, value: Any) -> Any:
    """One field's value as `state_to_data` gives it (for a key of DATA_FIELDS)."""
    if name in _SETS:
        return sorted(value)
    if name in _MAPS:
        if name == "pronouns":
            return {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(value.items())}
        return dict(sorted(value.items()))
    if name == "pending":
        return [value[0], list(value[1])] if value else None
    if name in MOMENTS:
        return list(value) if value else None
    return value


def state_delta(newer: GameState, older: GameState) -> dict[str, Any]:
    """What to change in `newer`'s data to get `older`'s (see game.saves.history.delta), read
    from the states themselves: a field both share (unchanged maps and sets are shared) costs
    nothing, so a delta costs what the turn changed, not the size of the world."""
    out: dict[str, Any] = {}
    new_fields, old_fields = newer.__dict__, older.__dict__
    for name in DATA_FIELDS:
        a, b = new_fields[name], old_fields[name]
        if a is b or a == b:  # equal values have equal data
            continue
        if name in _PLAIN_MAPS:  # values are the data's own: compare the maps as they are
            part = {k: v for k, v in b.items() if a.get(k, None) != v}
            part.update({k: None for k in a if k not in b})
            out[name] = dict(sorted(part.items()))
            continue
        old, new = field_data(name, b), field_data(name, a)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            part = {k: v for k, v in old.items() if new.get(k, None) != v}
            part.update({k: None for k in new if k not in old})
            out[name] = dict(sorted(part.items()))
        else:
            out[name] = old
    for name in DEBUGGING:
        if old_fields[name] and not new_fields[name]:
            out[name] = True
    gone = []
    for name in OPTIONAL_MAPS:  # left out of the data while empty
        a, b = new_fields[name], old_fields[name]
        if a is b or a == b:
            continue
        if not b:
            gone.append(name)
        elif not a:
            out[name] = dict(sorted(b.items()))
        else:
            part = {k: v for k, v in b.items() if a.get(k, None) != v}
            part.update({k: None for k in a if k not in b})
            out[name] = dict(sorted(part.items()))
    if gone:
        out[GONE] = gone
    return out


def state_from_data(
    world: World, data: dict[str, Any], notes: list[str] | None = None
) -> GameState:
    """A state from saved data, every field checked (StateDataError names what does not fit).

    Passing moments that no longer fit the world (a renamed talk node, a stale pronoun) are
    dropped instead, with a sentence for the player appended to `notes`.
    """
    return GameState(**checked_fields(world, data, [] if notes is None else notes))


__all__ = [
    "GONE",
    "StateDataError",
    "field_data",
    "state_delta",
    "state_from_data",
    "state_to_data",
]
