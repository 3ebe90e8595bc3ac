"""What the player can see and reach: carried things, the room, open containers, light."""

from __future__ import annotations

from game.engine.memo import memo_for
from game.model import NOWHERE, PLAYER, World

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

    State = Any  # a GameState or a Draft: both have the same fields


def top_place(world: World, s: State, item: str) -> str:
    """The room, `player` or `nowhere` an item is ultimately in."""
    place = s.places.get(item, NOWHERE)
    for _ in range(20):
        if place in world.items:
            place = s.places.get(place, NOWHERE)
        else:
            return place
    return NOWHERE


def carried(world: World, s: State, item: str) -> bool:
    """Whether the player carries an item (also inside carried containers)."""
    return top_place(world, s, item) == PLAYER


def contents(s: State, holder: str) -> list[str]:
    """Items directly in or on a holder (room, container, `player`)."""
    return list(s.places.keys_with(holder))


def can_see_inside(world: World, s: State, item: str) -> bool:
    """Whether an item's contents are visible."""
    spec = world.items[item].container
    return spec is not None and (spec.supporter or spec.transparent or item in s.open)


def _with_contents(world: World, s: State, roots: list[str]) -> list[str]:
    """Items plus everything visible inside them."""
    result = []
    stack = list(reversed(roots))
    while stack:
        item = stack.pop()
        result.append(item)
        if can_see_inside(world, s, item):
            stack.extend(reversed(contents(s, item)))
    return result


def held_items(world: World, s: State) -> list[str]:
    """Carried items and their visible contents."""
    return _with_contents(world, s, contents(s, PLAYER))


def _dark_now(world: World, room, s: State) -> bool:
    """Whether a room whose darkness is a condition is dark in this state."""
    from game.engine.conditions import check_for

    return check_for(world, room.dark_when)(s)


def is_lit(world: World, s: State) -> bool:
    """Whether the player's room has light."""
    room = world.rooms[s.location]
    if not room.dark and not (room.dark_when and _dark_now(world, room, s)):
        return True
    for item in s.lit:
        place = top_place(world, s, item)
        if place == PLAYER or place == s.location:
            return True
    return False


def room_items(world: World, s: State) -> list[str]:
    """Items visible in the room (not carried), with visible contents."""
    if not is_lit(world, s):
        return []
    return _with_contents(world, s, contents(s, s.location))


def characters_here(world: World, s: State) -> list[str]:
    """Characters in the player's room, in id order."""
    return sorted(s.char_places.keys_with(s.location))


def doors_here(world: World, s: State) -> list[str]:
    """Doors on the exits of the player's room."""
    return [ex.door for ex in world.rooms[s.location].exits if ex.door]


def in_scope(world: World, s: State) -> list[str]:
    """Every item and character id the player can refer to right now.

    What it reads (where things are, what is open and lit, where people are) is shared from
    state to state while unchanged, so the last answer is kept with those values and given
    again while they are the same (a room whose darkness is a condition is always worked out).
    """
    if world.rooms[s.location].dark_when:
        return _in_scope(world, s)
    key = (s.location, s.places, s.open, s.lit, s.char_places)
    memo = getattr(s, "memo", None) or memo_for(world)  # a draft holds its world's memo
    hit = memo.get("in scope")
    if hit is None or hit[0] != key:  # tuple comparison: identity first, then value
        hit = memo["in scope"] = (key, tuple(_in_scope(world, s)))
    return list(hit[1])


def _in_scope(world: World, s: State) -> list[str]:
    """Every item and character id the player can refer to right now, worked out."""
    lit = is_lit(world, s)
    ids = held_items(world, s)
    if lit:
        ids += room_items(world, s)
        ids += doors_here(world, s)
    ids += characters_here(world, s)
    return ids


def is_here(world: World, s: State, thing: str) -> bool:
    """Whether an item or character is visible in the player's room (or carried)."""
    if thing in world.characters:
        return s.char_places.get(thing) == s.location
    return thing in in_scope(world, s)


def visible_exits(world: World, s: State) -> list[str]:
    """Directions the player knows they can try from here."""
    flags = s.flags
    return [
        ex.direction
        for ex in world.rooms[s.location].exits
        if not ex.hidden_until or flags.get(ex.hidden_until)
    ]
