"""Evaluating the closed vocabulary of conditions against a draft state.

Each condition list is compiled once per world into one small function (a closure per test),
so the per-turn path pays neither dispatch nor argument unpacking. Evaluation order, short
circuits and RNG draws are exactly those of reading the list left to right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.engine import rng
from game.engine.draft import Draft
from game.engine.memo import memo_for
from game.engine.scope import carried, is_here
from game.model import Condition, World
from game.model.logic import topic_word

Check = Callable[[Draft], bool]


def holds(d: Draft, conditions: Sequence[Condition]) -> bool:
    """Whether every condition holds (an empty list always holds)."""
    if not conditions:
        return True
    found = d.memo.get(id(conditions))  # the draft holds its world's memo: one lookup
    if found is None or found[0] is not conditions:
        return check_for(d.world, conditions)(d)
    return found[1](d)


def check_for(world: World, conditions: Sequence[Condition]) -> Check:
    """The compiled check of a condition list that belongs to this world (cached per world)."""
    memo = memo_for(world)
    found = memo.get(id(conditions))
    if found is None or found[0] is not conditions:
        found = memo[id(conditions)] = (conditions, compile_conditions(world, conditions))
    return found[1]


def _always(d: Draft) -> bool:
    """The empty condition."""
    return True


def compile_conditions(world: World, conditions: Sequence[Condition]) -> Check:
    """One function testing every condition in order (all must hold)."""
    checks = [_compile_one(world, c) for c in conditions]
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda d: first(d) and second(d)
    if len(checks) == 3:
        first, second, third = checks
        return lambda d: True if first(d) and second(d) and third(d) else False  # noqa: SIM210
    all_checks = tuple(checks)

    def every(d: Draft) -> bool:
        """Each check in order, stopping at the first that fails."""
        for check in all_checks:  # noqa: SIM110 - a loop, not all(): no generator per call
            if not check(d):
                return False
        return True

    return every


def _compile_one(world: World, c: Condition) -> Check:
    """A closure for one condition."""
    return COMPILERS[c.op](world, *c.args)


def _has(world: World, item: str) -> Check:
    return lambda d: carried(world, d, item)


def _here(world: World, thing: str) -> Check:
    if thing in world.characters:
        return lambda d: d.char_places.get(thing) == d.location
    return lambda d: is_here(world, d, thing)


def _in(world: World, rooms) -> Check:
    return lambda d: d.location in rooms


def _in_region(world: World, region: str) -> Check:
    rooms = frozenset(r.id for r in world.rooms.values() if r.region == region)
    return lambda d: d.location in rooms


def _visited(world: World, room: str) -> Check:
    return lambda d: room in d.visited


def _flag(world: World, name: str) -> Check:
    return lambda d: bool(d.flags.get(name))


def _at_least(world: World, name: str, n: int) -> Check:
    return lambda d: d.flags.get(name, 0) >= n


def _at_most(world: World, name: str, n: int) -> Check:
    return lambda d: d.flags.get(name, 0) <= n


def _state(world: World, who: str, states) -> Check:
    return lambda d: d.char_states.get(who) in states


def _condition(world: World, states) -> Check:
    return lambda d: d.condition in states


def _item_in(world: World, item: str, place: str) -> Check:
    if place == "player":
        return lambda d: d.places.get(item) == place or carried(world, d, item)
    return lambda d: d.places.get(item) == place


def _char_in(world: World, who: str, places) -> Check:
    return lambda d: d.char_places.get(who) in places


def _member_of(field: str) -> Callable[[World, str], Check]:
    """`is_open`, `is_locked`, `is_lit`, `is_worn`: the item is in one of the state's sets."""

    def build(world: World, item: str) -> Check:
        if field == "open":
            return lambda d: item in d.open
        if field == "locked":
            return lambda d: item in d.locked
        if field == "lit":
            return lambda d: item in d.lit
        return lambda d: item in d.worn

    return build


def _turn_at_least(world: World, n: int) -> Check:
    return lambda d: d.turn >= n


def _chance(world: World, percent: int) -> Check:
    def draw(d: Draft) -> bool:
        """Draw from the state's generator."""
        d.rng, roll = rng.percent(d.rng)
        return roll < percent

    return draw


def _topic(world: World, words: frozenset[str]) -> Check:
    return lambda d: any(topic_word(w) in words for w in d.topic)


def _not(world: World, conds) -> Check:
    inner = compile_conditions(world, conds)
    return lambda d: not inner(d)


def _any(world: World, parts) -> Check:
    checks = [compile_conditions(world, p) for p in parts]
    return lambda d: any(check(d) for check in checks)


def _all(world: World, parts) -> Check:
    checks = [compile_conditions(world, p) for p in parts]
    return lambda d: all(check(d) for check in checks)


COMPILERS: dict[str, Callable[..., Check]] = {
    "has": _has,
    "here": _here,
    "in": _in,
    "in_region": _in_region,
    "visited": _visited,
    "flag": _flag,
    "at_least": _at_least,
    "at_most": _at_most,
    "state": _state,
    "condition": _condition,
    "item_in": _item_in,
    "char_in": _char_in,
    "is_open": _member_of("open"),
    "is_locked": _member_of("locked"),
    "is_lit": _member_of("lit"),
    "is_worn": _member_of("worn"),
    "turn_at_least": _turn_at_least,
    "chance": _chance,
    "topic": _topic,
    "not": _not,
    "any": _any,
    "all": _all,
}
