"""GameState to plain data and back, for saves: stable ids only, every id checked."""

from __future__ import annotations

from typing import Any

from game.engine.frozen import FrozenMap
from game.engine.state import PHASES, GameState
from game.model import NOWHERE, PLAYER, World

SETS = ("open", "locked", "lit", "worn", "visited", "moved", "fired")
MAPS = ("places", "char_states", "char_places", "flags", "char_since", "pronouns", "hints")
PLAIN = (
    "seed",
    "rng",
    "location",
    "condition",
    "turn",
    "phase",
    "condition_since",
    "score",
    "ending",
    "last_command",
    "verbose",
)


class StateDataError(ValueError):
    """Saved state data that does not fit the world (names the offending id)."""


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
    return data


def state_from_data(world: World, data: dict[str, Any]) -> GameState:
    """A state from saved data; every id must exist in the world."""
    try:
        fields: dict[str, Any] = {name: data[name] for name in PLAIN}
        for name in SETS:
            fields[name] = frozenset(data[name])
        for name in MAPS:
            fields[name] = FrozenMap(data[name])
        places = fields["places"]
        fields["places"] = FrozenMap(
            {i: places[i] for i in world.items if i in places}
            | {i: p for i, p in places.items() if i not in world.items}
        )
        fields["pronouns"] = FrozenMap(
            {k: tuple(v) if isinstance(v, list) else v for k, v in data["pronouns"].items()}
        )
        fields["dialogue"] = tuple(data["dialogue"]) if data["dialogue"] else None
        fields["encounter"] = tuple(data["encounter"]) if data["encounter"] else None
        fields["pending"] = (
            (data["pending"][0], tuple(data["pending"][1])) if data["pending"] else None
        )
        fields["oops"] = tuple(data["oops"]) if data["oops"] else None
    except (KeyError, TypeError, IndexError, ValueError) as error:
        raise StateDataError(f"the saved state is incomplete or malformed ({error!r})") from None
    _check_ids(world, fields)
    return GameState(**fields)


def _check_ids(world: World, f: dict[str, Any]) -> None:
    """Every id in the state names something the world has."""
    rooms, items, chars = world.rooms, world.items, world.characters
    _need(f["location"] in rooms, "room", f["location"])
    _need(f["phase"] in PHASES, "phase", f["phase"])
    _need(f["condition"] in world.player.condition.states, "player condition", f["condition"])
    for item, place in f["places"].items():
        _need(item in items, "item", item)
        _need(place in rooms or place in items or place in (PLAYER, NOWHERE), "place", place)
    for char, state in f["char_states"].items():
        _need(char in chars, "character", char)
        _need(state in chars[char].machine.states, f"state of {char}", state)
    for char, place in f["char_places"].items():
        _need(char in chars, "character", char)
        _need(place in rooms or place == NOWHERE, "room", place)
    for name in ("visited",):
        for room in f[name]:
            _need(room in rooms, "room", room)
    for name in ("open", "locked", "lit", "worn", "moved"):
        for item in f[name]:
            _need(item in items, "item", item)
    if f["ending"] is not None:
        _need(f["ending"] in world.endings, "ending", f["ending"])
    for name in ("seed", "rng", "turn", "score", "condition_since"):
        _need(
            isinstance(f[name], int) and not isinstance(f[name], bool), f"number '{name}'", f[name]
        )


def _need(ok: bool, kind: str, value: Any) -> None:
    """Raise a StateDataError naming the id when a check fails."""
    if not ok:
        raise StateDataError(f"the save refers to {kind} '{value}', which this world does not have")


__all__ = ["StateDataError", "state_from_data", "state_to_data"]
