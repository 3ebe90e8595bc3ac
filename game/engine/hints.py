"""Which open puzzle HINT speaks of: the one the player is at, else the nearest, for any world.

A puzzle (`hints:` entry) names places through its conditions: rooms (`in`, `visited`), things
(`here`, `has`, `is_open`…, `item_in`), people (`state`, `char_in`) and flags, which lead to the
things whose rules set them (USE OIL ON HATCH sets `hatch_oiled`: the hatch's room). Its distance
is the fewest exits from the player's room to the nearest of those places (0 for the player's
own condition and things carried). HINT picks the nearest open puzzle; ties go to the one whose
places are fewest (the most specific), then to one already hinted, then by id. A whole region
(`in_region`) only says when a puzzle matters, not where it is, so it is no place.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.memo import memo_for
from game.engine.scope import top_place
from game.model import PLAYER, Condition, Effect, World, record
from game.model.endings import Hint

FAR = 10_000  # the distance of a puzzle that names no place the player can reach
PLACED_OPS = frozenset(
    {"here", "has", "is_open", "is_locked", "is_lit", "is_worn", "item_in", "state", "char_in"}
)
SETTING_OPS = frozenset({"set", "add"})


def open_puzzles(d: Draft) -> list[Hint]:
    """The puzzles that matter now and are not solved, the one to hint first at the front."""
    found = []
    for puzzle in d.world.hints.values():
        if puzzle.done and holds(d, puzzle.done):
            continue
        if holds(d, puzzle.when):
            found.append(puzzle)
    if len(found) < 2:
        return found
    distances = _distances(d)
    return sorted(found, key=lambda puzzle: _rank(d, puzzle, distances))


def _rank(d: Draft, puzzle: Hint, distances: dict[str, int]) -> tuple:
    """Nearest first, then the most specific, then one already begun, then by id."""
    places = _places(d, (*puzzle.done, *puzzle.when)) | _setter_places(d, puzzle)
    nearest = min((distances.get(p, FAR) for p in places), default=FAR)
    return (nearest, len(places) or FAR, not d.hints.get(puzzle.id), puzzle.id)


def _distances(d: Draft) -> dict[str, int]:
    """Exits from the player's room to every room (ignoring locks and conditions); the same
    for every state in that room, so worked out once per room."""
    found = d.memo.get(("distances", d.location))
    if found is None:
        found = d.memo[("distances", d.location)] = _distances_from(d)
    return found


def _distances_from(d: Draft) -> dict[str, int]:
    """Exits from the player's room to every room, by breadth-first search."""
    exits = d.world.exits
    seen = {d.location: 0, PLAYER: 0}
    queue = deque([d.location])
    while queue:
        room = queue.popleft()
        for ex in exits.get(room, {}).values():
            if ex.to not in seen:
                seen[ex.to] = seen[room] + 1
                queue.append(ex.to)
    return seen


def _places(d: Draft, conditions: tuple[Condition, ...]) -> set[str]:
    """The rooms (or the player) a puzzle's conditions name, where those things are now."""
    places: set[str] = set()
    for cond in _flat(conditions):
        op, args = cond.op, cond.args
        if op == "in":
            places |= args[0]
        elif op == "visited":
            places.add(args[0])
        elif op == "condition":
            places.add(PLAYER)
        elif op in PLACED_OPS:
            places.add(where(d, args[0]))
            if op == "item_in":
                places.add(where(d, args[1]))
            elif op == "char_in":
                places |= args[1]
    return {p for p in places if p in d.world.rooms or p == PLAYER}


def _setter_places(d: Draft, puzzle: Hint) -> set[str]:
    """Where the things are whose rules set the flags a puzzle tests."""
    flags = {c.args[0] for c in _flat((*puzzle.done, *puzzle.when)) if c.op in FLAG_OPS}
    owners = setters(d.world)
    places = {where(d, owner) for flag in flags for owner in owners.get(flag, ())}
    return {p for p in places if p in d.world.rooms}


FLAG_OPS = frozenset({"flag", "at_least", "at_most"})


def where(d: Draft, thing: str) -> str:
    """The room (or `player`) a room, item, character or scenery is in now."""
    world = d.world
    if thing in world.rooms:
        return thing
    if thing in world.characters:
        return d.char_places.get(thing, "")
    if thing in world.items:
        return top_place(world, d, thing)
    return scenery_rooms(world).get(thing, "")


def scenery_rooms(world: World) -> dict[str, str]:
    """scenery id -> its room (once per world)."""
    memo = memo_for(world)
    found = memo.get("hint_scenery_rooms")
    if found is None:
        found = memo["hint_scenery_rooms"] = {
            s.id: room.id for room in world.rooms.values() for s in room.scenery
        }
    return found


def _flat(conditions) -> Iterator[Condition]:
    """Every condition, with those inside `not`, `any` and `all`."""
    for cond in conditions:
        if cond.op == "not":
            yield from _flat(cond.args[0])
        elif cond.op in ("any", "all"):
            for part in cond.args[0]:
                yield from _flat(part)
        else:
            yield cond


def setters(world: World) -> dict[str, tuple[str, ...]]:
    """flag -> the rooms, items and characters whose rules set it (once per world)."""
    memo = memo_for(world)
    found = memo.get("hint_setters")
    if found is None:
        index: dict[str, set[str]] = {}
        for owner, node in _owners(world):
            for effect in _effects(node, set()):
                if effect.op in SETTING_OPS:
                    for flag in _flag_names(effect):
                        index.setdefault(flag, set()).add(owner)
        found = memo["hint_setters"] = {k: tuple(sorted(v)) for k, v in index.items()}
    return found


def _owners(world: World) -> Iterator[tuple[str, object]]:
    """(owner id, the part of the world it owns): rooms, items (use rules by their target
    first), characters, and events placed by their trigger."""
    yield from world.rooms.items()
    for item_id, item in world.items.items():
        for rule in item.use:
            yield (rule.on or item_id), rule
        yield item_id, record.evolve(item, use=())
    yield from world.characters.items()
    for event in world.events.values():
        trigger = event.trigger
        if trigger.kind == "enter":
            yield trigger.a, event
        elif trigger.kind == "action" and trigger.b:
            yield trigger.b, event


def _effects(node: object, seen: set[int]) -> Iterator[Effect]:
    """Every effect inside a part of the world."""
    if isinstance(node, Effect):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _effects(value, seen)
    elif isinstance(node, (tuple, list, frozenset)):
        for part in node:
            yield from _effects(part, seen)
    elif record.has(type(node)) and id(node) not in seen:
        seen.add(id(node))
        for field in record.fields(type(node)):
            yield from _effects(getattr(node, field.name), seen)


def _flag_names(effect: Effect) -> list[str]:
    """The flag a set/add effect changes."""
    return [effect.args[0]] if effect.args and isinstance(effect.args[0], str) else []
