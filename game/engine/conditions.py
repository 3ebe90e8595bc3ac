"""Evaluating the closed vocabulary of conditions against a draft state."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine import rng
from game.engine.draft import Draft
from game.engine.scope import carried, is_here
from game.model import Condition


def holds(d: Draft, conditions: Iterable[Condition]) -> bool:
    """Whether every condition holds (an empty list always holds)."""
    for c in conditions:  # noqa: SIM110 (a loop is faster than all() on the per-turn path)
        if not TESTS[c.op](d, *c.args):
            return False
    return True


def _chance(d: Draft, percent: int) -> bool:
    """Draw from the state's generator."""
    d.rng, roll = rng.percent(d.rng)
    return roll < percent


def _item_in(d: Draft, item: str, place: str) -> bool:
    """Where an item is: a room, container, `player` or `nowhere`."""
    direct = d.places.get(item)
    return direct == place or (place == "player" and carried(d.world, d, item))


TESTS: dict[str, Callable[..., bool]] = {
    "has": lambda d, item: carried(d.world, d, item),
    "here": lambda d, thing: is_here(d.world, d, thing),
    "in": lambda d, rooms: d.location in rooms,
    "in_region": lambda d, region: d.world.rooms[d.location].region == region,
    "visited": lambda d, room: room in d.visited,
    "flag": lambda d, name: bool(d.flags.get(name)),
    "at_least": lambda d, name, n: d.flags.get(name, 0) >= n,
    "at_most": lambda d, name, n: d.flags.get(name, 0) <= n,
    "state": lambda d, who, states: d.char_states.get(who) in states,
    "condition": lambda d, states: d.condition in states,
    "item_in": _item_in,
    "is_open": lambda d, item: item in d.open,
    "is_locked": lambda d, item: item in d.locked,
    "is_lit": lambda d, item: item in d.lit,
    "is_worn": lambda d, item: item in d.worn,
    "turn_at_least": lambda d, n: d.turn >= n,
    "chance": _chance,
    "not": lambda d, conds: not holds(d, conds),
    "any": lambda d, parts: any(holds(d, p) for p in parts),
    "all": lambda d, parts: all(holds(d, p) for p in parts),
}
