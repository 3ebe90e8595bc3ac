"""GameState to plain data and back, for saves: stable ids only, every id checked."""

from __future__ import annotations

from typing import Any

from game.engine.state import GameState
from game.engine.statecheck import DEBUGGING, MAPS, PLAIN, SETS, StateDataError, checked_fields
from game.model import World


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
    return data


def state_from_data(
    world: World, data: dict[str, Any], notes: list[str] | None = None
) -> GameState:
    """A state from saved data, every field checked (StateDataError names what does not fit).

    Passing moments that no longer fit the world (a renamed talk node, a stale pronoun) are
    dropped instead, with a sentence for the player appended to `notes`.
    """
    return GameState(**checked_fields(world, data, [] if notes is None else notes))


__all__ = ["StateDataError", "state_from_data", "state_to_data"]
