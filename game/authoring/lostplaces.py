"""Rooms the player can never reach again, and the items lying in them, left out of states.

From a room, the player can only ever get to the rooms its exits lead to (whatever their
conditions, doors or `hidden_until`) and, from anywhere, to where a `move_player` effect
takes them. An item lying in a room outside that over-approximation can never be seen,
taken or lit again; no rule tells one such room from another (unless an `item_in`
condition names the item, which keeps its place). So the search keys all of them alike:
the item is simply lost. The key of the state, and so the count of states, shrinks when
the player leaves things behind a one-way exit; nothing any rule can read changes.
"""

from __future__ import annotations

from collections.abc import Callable

from game.authoring.rules import all_conditions, all_effects
from game.engine.frozen import FrozenMap
from game.engine.state import GameState
from game.model import World

LOST = "(lost)"


def reachable_rooms(world: World) -> dict[str, frozenset[str]]:
    """For each room, every room the player could ever get to from it (over-approximated)."""
    jumps = {e.args[0] for e in all_effects(world) if e.op == "move_player"}
    out: dict[str, frozenset[str]] = {}
    for room in world.rooms:
        seen = {room, *jumps}
        todo = list(seen)
        while todo:
            here = todo.pop()
            for exit_ in world.rooms[here].exits:
                if exit_.to not in seen:
                    seen.add(exit_.to)
                    todo.append(exit_.to)
        out[room] = frozenset(seen)
    return out


def collapse_function(world: World) -> Callable[[GameState], FrozenMap]:
    """A function from a state to its item places, those in unreachable rooms all `LOST`."""
    reach = reachable_rooms(world)
    named = frozenset(c.args[0] for c in all_conditions(world) if c.op == "item_in")
    lost_from = {room: frozenset(world.rooms) - seen for room, seen in reach.items()}
    if not any(lost_from.values()):
        return lambda state: state.places
    cache: dict[tuple[int, str], tuple[FrozenMap, FrozenMap]] = {}

    def places(state: GameState) -> FrozenMap:
        lost = lost_from.get(state.location)
        if not lost:
            return state.places
        found = cache.get((id(state.places), state.location))
        if found is not None and found[0] is state.places:
            return found[1]
        moved = {i: LOST for i, p in state.places.items() if p in lost and i not in named}
        result = FrozenMap({**state.places, **moved}) if moved else state.places
        if len(cache) > 100_000:
            cache.clear()
        cache[(id(state.places), state.location)] = (state.places, result)
        return result

    return places
